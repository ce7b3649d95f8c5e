import { explainNpmError } from './npmErrors';
import { loadRegistryFetchJson } from '../heavy';
import type { NpmOptions } from '../types';

export interface SearchHit {
  name: string;
  version: string;
  description?: string;
  keywords: string[];
  date?: string;
}

/** A search result's package; registries differ in which fields they fill (verdaccio: no `version`). */
interface SearchPackage {
  name: string;
  version?: string;
  'dist-tags'?: Record<string, string>;
  description?: string;
  keywords?: string[];
  date?: string;
  time?: { modified?: string };
}

interface SearchResponse {
  objects?: { package: SearchPackage }[];
}

function toHit(p: SearchPackage): SearchHit {
  const date = p.date ?? p.time?.modified;
  return {
    name: p.name,
    version: p.version ?? p['dist-tags']?.latest ?? '',
    keywords: p.keywords ?? [],
    ...(p.description ? { description: p.description } : {}),
    ...(date ? { date } : {}),
  };
}

/**
 * Searches the registry (`/-/v1/search`) for plugins of `hostName`: packages with the keyword
 * `<hostName>-plugin` matching `term` (any, when empty).
 */
export async function searchPlugins(options: {
  term?: string;
  hostName: string;
  npmOptions?: NpmOptions;
  limit?: number;
}): Promise<SearchHit[]> {
  const keyword = `${options.hostName}-plugin`;
  const term = options.term?.trim() ?? '';
  // The npm registry understands the `keywords:` qualifier; registries that do not (verdaccio)
  // return nothing for it, so a plain text search follows, filtered here by keyword.
  let hits = await query(`keywords:${keyword}${term ? ` ${term}` : ''}`, keyword, options);
  if (hits.length === 0) hits = await query(term || keyword, keyword, options);
  return hits;
}

async function query(
  text: string,
  keyword: string,
  options: { hostName: string; npmOptions?: NpmOptions; limit?: number },
): Promise<SearchHit[]> {
  let body: SearchResponse;
  try {
    const url = `/-/v1/search?text=${encodeURIComponent(text)}&size=${options.limit ?? 50}`;
    body = (await loadRegistryFetchJson()(url, {
      ...options.npmOptions,
      preferOnline: true,
    })) as SearchResponse;
  } catch (err) {
    throw explainNpmError(err, `search "${text}"`, options.hostName, options.npmOptions);
  }
  return (body.objects ?? [])
    .map((o) => o.package)
    .filter((p) => Array.isArray(p.keywords) && p.keywords.includes(keyword))
    .map(toHit);
}
