import { inspect } from 'node:util';

/** What replaces a secret in a censored text. */
export const CENSORED = '****';

/**
 * Masks secret values in text. The profile engine registers every secure value it loads; the
 * logger applies it to every line it writes (message and arguments alike).
 */
export interface Censor {
  /** Registers a secret: from now on {@link Censor.apply} masks it. An empty string is ignored. */
  add(secret: string): void;
  /** The text with every registered secret replaced by `****`. */
  apply(text: string): string;
}

// A secret inside an inspected or JSON-encoded argument appears escaped (`it\'s`, `a\"b`).
function spellings(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), inspect(secret).slice(1, -1)];
}

/** A censor with no secrets yet. */
export function createCensor(): Censor {
  const secrets = new Set<string>();
  // Longest first, so a secret that contains another is masked whole.
  let ordered: string[] = [];
  return {
    add(secret) {
      if (secret === '') return;
      for (const s of spellings(secret)) secrets.add(s);
      ordered = [...secrets].sort((a, b) => b.length - a.length);
    },
    apply(text) {
      let result = text;
      for (const secret of ordered) result = result.split(secret).join(CENSORED);
      return result;
    },
  };
}
