// A loopback HTTP proxy that forwards each request to a registry after a fixed delay, as a
// registry one network round trip away would answer. Run as a child process (the benchmark's
// own event loop is blocked while it times a run):
//   node latency-proxy.mjs <registry port> <delay ms>
// prints `listening <port>` once it listens. The Host header is passed on, so the registry writes
// tarball URLs that point back at the proxy. Traffic never leaves 127.0.0.1.
import { createServer, request } from 'node:http';

const [target, delay] = process.argv.slice(2).map(Number);
if (!(target > 0) || !(delay >= 0)) {
  console.error('usage: node latency-proxy.mjs <registry port> <delay ms>');
  process.exit(2);
}
const server = createServer((req, res) => {
  setTimeout(() => {
    const upstream = request(
      { host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`latency proxy: ${err.message}\n`);
    });
    req.pipe(upstream);
  }, delay);
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
