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

interface SearchResponse {
  objects?: { package: { name: string; version: string; description?: string; keywords?: string[]; date?: string } }[];
}

/**
 * Searches the registry (`/-/v1/search`) for plugins of `hostName`: packages with the keyword
 * `<hostName>-plugin` matching `term` (any, when empty).
 */
export async function searchPlugins(options: { term?: string; hostName: string; npmOptions?: NpmOptions; limit?: number }): Promise<SearchHit[]> {
  const keyword = `${options.hostName}-plugin`;
  const text = [`keywords:${keyword}`, options.term ?? ''].join(' ').trim();
  const size = options.limit ?? 50;
  let body: SearchResponse;
  try {
    body = (await loadRegistryFetchJson()(`/-/v1/search?text=${encodeURIComponent(text)}&size=${size}`, { ...options.npmOptions, preferOnline: true })) as SearchResponse;
  } catch (err) {
    throw explainNpmError(err, `search "${text}"`, options.hostName);
  }
  return (body.objects ?? [])
    .map((o) => o.package)
    .filter((p) => Array.isArray(p.keywords) && p.keywords.includes(keyword))
    .map((p) => ({ name: p.name, version: p.version, keywords: p.keywords ?? [], ...(p.description ? { description: p.description } : {}), ...(p.date ? { date: p.date } : {}) }));
}
