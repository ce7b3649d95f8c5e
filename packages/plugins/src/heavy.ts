/* eslint-disable @typescript-eslint/no-require-imports */
// Lazy loaders for the heavy npm libraries. Nothing here is required until an operation that
// talks to a registry or builds a tree runs, so reading the plugin index never loads them.
// The interfaces below describe only what the engine uses of pacote 21, arborist 9,
// @npmcli/config 10, npm-registry-fetch 19 and npm-package-arg 13.

export interface Manifest {
  name: string;
  version: string;
  _resolved?: string;
  _integrity?: string;
  _from?: string;
  edict?: unknown;
  keywords?: string[];
  peerDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  engines?: Record<string, string>;
  [key: string]: unknown;
}

/** pacote's fetcher of registry specs: one spec, its registry document and the manifest picked from it. */
export interface RegistryFetcher {
  /** The document's URL on the registry npm config picks for the spec. */
  packumentUrl: string;
  packument(): Promise<unknown>;
  manifest(): Promise<Manifest>;
}

export interface PacoteApi {
  manifest(spec: string, opts?: Record<string, unknown>): Promise<Manifest>;
  RegistryFetcher: new (spec: NpaResult | string, opts: Record<string, unknown>) => RegistryFetcher;
  tarball: { file(spec: string, dest: string, opts?: Record<string, unknown>): Promise<unknown> };
}

export interface ArboristNode {
  name: string;
  path: string;
  location: string;
  isProjectRoot: boolean;
  isLink: boolean;
  resolved: string | null;
  integrity: string | null;
  package: { name?: string; version?: string; scripts?: Record<string, string> };
  children: Map<string, ArboristNode>;
  inventory: Map<string, ArboristNode>;
}

export interface ArboristInstance {
  options: Record<string, unknown>;
  reify(opts?: Record<string, unknown>): Promise<ArboristNode>;
  rebuild(opts: { nodes: ArboristNode[] }): Promise<void>;
}

export type ArboristCtor = new (opts: Record<string, unknown>) => ArboristInstance;

export interface NpaResult {
  type: 'git' | 'tag' | 'version' | 'range' | 'file' | 'directory' | 'remote' | 'alias';
  /** True for specs a registry serves (names with a version, range or tag). */
  registry?: boolean;
  name: string | null;
  scope: string | null;
  rawSpec: string;
  saveSpec: string | null;
  fetchSpec: string | null;
  raw: string;
}

export type NpaFn = ((spec: string, where?: string) => NpaResult) & {
  resolve(name: string, spec: string, where?: string): NpaResult;
};

export interface NpmConfigInstance {
  load(): Promise<void>;
  flat: Record<string, unknown>;
  get(key: string): unknown;
  /** The layer that sets `key` (`'default'` when none of the user's does). */
  find(key: string): string | null;
  set(key: string, value: unknown, where?: string): void;
}

export interface NpmConfigModule {
  new (opts: Record<string, unknown>): NpmConfigInstance;
}

export interface NpmConfigDefinitions {
  definitions: Record<string, unknown>;
  flatten: (obj: Record<string, unknown>, flat?: Record<string, unknown>) => Record<string, unknown>;
  shorthands: Record<string, string[]>;
  nerfDarts: string[];
}

export type RegistryFetchJson = (url: string, opts?: Record<string, unknown>) => Promise<unknown>;

export type SemverApi = typeof import('semver');

export const loadPacote = (): PacoteApi => require('pacote') as PacoteApi;
export const loadArborist = (): ArboristCtor => require('@npmcli/arborist') as ArboristCtor;
export const loadNpa = (): NpaFn => require('npm-package-arg') as NpaFn;
export const loadSemver = (): SemverApi => require('semver') as SemverApi;
export const loadNpmConfig = (): { Config: NpmConfigModule; defs: NpmConfigDefinitions } => ({
  Config: require('@npmcli/config') as NpmConfigModule,
  defs: require('@npmcli/config/lib/definitions') as NpmConfigDefinitions,
});
export const loadRegistryFetchJson = (): RegistryFetchJson =>
  (require('npm-registry-fetch') as { json: RegistryFetchJson }).json;
