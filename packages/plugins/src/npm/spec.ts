import { isAbsolute, resolve } from 'node:path';
import { usageError, PluginErrorCodes } from '../errors';
import { loadNpa } from '../heavy';
import type { PluginSource } from '../types';

/** A parsed install spec. */
export interface ParsedSpec {
  /** The spec as given. */
  raw: string;
  source: Exclude<PluginSource, 'link'>;
  /** The package name, when the spec names one (registry specs). */
  name?: string;
  /** For registry specs: the range or tag (`latest` for a bare name). */
  range?: string;
  /** What to hand pacote: the spec with local paths made absolute. */
  fetchSpec: string;
}

/**
 * Classifies `spec` (registry name/range/tag, folder, .tgz file, tarball URL); paths resolve against `cwd`.
 */
export function parseSpec(spec: string, cwd: string, hostName: string): ParsedSpec {
  const npa = loadNpa();
  let r;
  try {
    r = npa(spec, cwd);
  } catch (err) {
    throw usageError(
      PluginErrorCodes.SPEC_INVALID,
      `"${spec}" is not a package name, version range, folder, .tgz ` +
        `file or tarball URL: ${(err as Error).message}`,
      {
        hint: `${hostName} plugins install <name>[@<range>]`,
        details: { spec },
      },
    );
  }
  switch (r.type) {
    case 'range':
    case 'version':
    case 'tag': {
      const name = r.name ?? spec;
      const range = r.rawSpec === '' || r.rawSpec === '*' ? 'latest' : r.rawSpec;
      return { raw: spec, source: 'registry', name, range, fetchSpec: `${name}@${range}` };
    }
    case 'directory':
    case 'file': {
      const path = r.fetchSpec && isAbsolute(r.fetchSpec) ? r.fetchSpec : resolve(cwd, r.fetchSpec ?? spec);
      return { raw: spec, source: r.type === 'directory' ? 'folder' : 'tarball', fetchSpec: `file:${path}` };
    }
    case 'remote':
      return { raw: spec, source: 'url', fetchSpec: r.fetchSpec ?? spec };
    default:
      throw usageError(
        PluginErrorCodes.SPEC_INVALID,
        `"${spec}" is a ${r.type}` +
          ` spec; plugins install from a registry, a folder, a .tgz file ` +
          `or a tarball URL.`,
        {
          hint: `${hostName} plugins install <name>[@<range>]`,
          details: { spec, type: r.type },
        },
      );
  }
}
