import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

/** A response body that delivers fewer bytes than this in one `fetch-timeout` has stalled. */
export const STALL_MIN_BYTES = 1024;

/** The code of the error a stalled response body is destroyed with. */
export const STALLED_CODE = 'EDICT_TRANSFER_STALLED';

const CHANNEL = 'http.client.response.finish';

/** The error a stalled body fails with; `timeout` is the window in milliseconds. */
export class TransferStalledError extends Error {
  readonly code = STALLED_CODE;
  constructor(
    readonly url: string,
    readonly timeout: number,
  ) {
    super(`Transfer stalled: ${url} sent less than ${STALL_MIN_BYTES / 1024} KiB in ${timeout / 1000} s`);
  }
}

function urlOf(request: ClientRequest): string {
  const host = request.getHeader('host');
  return `${request.protocol}//${typeof host === 'string' ? host : request.host}${request.path}`;
}

function guardResponse(request: ClientRequest, response: IncomingMessage, window: number): void {
  const socket = response.socket;
  if (!socket) return;
  let seen = socket.bytesRead;
  const timer = setInterval(() => {
    const now = socket.bytesRead;
    if (now - seen < STALL_MIN_BYTES) response.destroy(new TransferStalledError(urlOf(request), window));
    seen = now;
  }, window);
  timer.unref();
  const stop = (): void => clearInterval(timer);
  response.once('end', stop);
  response.once('close', stop);
  response.once('error', stop);
}

let guard: { users: number; onResponse: (message: unknown) => void } | undefined;

/**
 * Until the returned function is called, destroys every HTTP response body of this process that
 * delivers less than `STALL_MIN_BYTES` in a `timeoutMs` window. minipass-fetch's `timeout` bounds
 * only the wait for the headers (and bodies read whole, like registry documents), and the
 * agent's idle timeout only a socket that sends nothing, so without this a tarball that trickles
 * in keeps an install waiting without end. Overlapping guards share one (the first one's window).
 */
export function guardTransfers(timeoutMs: number): () => void {
  if (!(timeoutMs > 0)) return () => undefined;
  if (!guard) {
    const onResponse = (message: unknown): void => {
      const { request, response } = message as { request: ClientRequest; response: IncomingMessage };
      guardResponse(request, response, timeoutMs);
    };
    guard = { users: 0, onResponse };
    subscribe(CHANNEL, onResponse);
  }
  guard.users++;
  let stopped = false;
  return () => {
    if (stopped || !guard) return;
    stopped = true;
    if (--guard.users > 0) return;
    unsubscribe(CHANNEL, guard.onResponse);
    guard = undefined;
  };
}
