// The workspace's public packages and what the release needs to know about each: version,
// README, changelog entry (the CHANGELOG.md section of its version, or the pending changesets
// that name it). Reads files only: works offline.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Folders of the workspace's packages, from the `dir/*` globs of pnpm-workspace.yaml. */
function packageDirs(root) {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const bases = [...yaml.matchAll(/^\s*-\s*['"]?([^'"\n]+?)\/\*['"]?\s*$/gm)].map((m) => m[1]);
  return bases.flatMap((base) =>
    readdirSync(join(root, base))
      .map((entry) => join(root, base, entry))
      .filter((dir) => existsSync(join(dir, 'package.json'))),
  );
}

/** Pending changesets: `{ file, releases: Map<name, bump>, summary }` from `.changeset/*.md`. */
export function pendingChangesets(root) {
  const dir = join(root, '.changeset');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const [, front = '', summary = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
      const releases = new Map(
        [...front.matchAll(/^\s*['"]?([^'":]+)['"]?\s*:\s*(major|minor|patch)\s*$/gm)].map((m) => [
          m[1],
          m[2],
        ]),
      );
      return { file, releases, summary: summary.trim() };
    });
}

/** The `## <version>` section of a CHANGELOG.md, without its heading; undefined when absent. */
function changelogSection(dir, version) {
  const file = join(dir, 'CHANGELOG.md');
  if (!existsSync(file)) return undefined;
  const sections = readFileSync(file, 'utf8').split(/^## /m);
  const section = sections.find((s) => s.startsWith(`${version}\n`));
  return section?.slice(version.length).trim();
}

const BUMPS = ['patch', 'minor', 'major'];

function bumped(version, bump) {
  const [major, minor, patch] = version.split('-')[0].split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * Every package of the workspace that is not `private`, in folder order: `{ name, version, dir,
 * readme, changelog, next }`. `changelog` is the text that describes the release: the pending
 * changesets naming the package (then `next` is the version `changeset version` will give it) or
 * else the CHANGELOG.md section of its current version; undefined when there is neither.
 */
export function publicPackages(root) {
  const changesets = pendingChangesets(root);
  return packageDirs(root)
    .map((dir) => ({ dir, manifest: readJson(join(dir, 'package.json')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => {
      const mine = changesets.filter((c) => c.releases.has(manifest.name));
      const bump = mine
        .map((c) => c.releases.get(manifest.name))
        .sort((a, b) => BUMPS.indexOf(b) - BUMPS.indexOf(a))[0];
      return {
        name: manifest.name,
        version: manifest.version,
        dir,
        readme: existsSync(join(dir, 'README.md')),
        changelog: mine.length
          ? mine.map((c) => `${c.summary} (.changeset/${c.file})`).join('\n')
          : changelogSection(dir, manifest.version),
        next: bump ? bumped(manifest.version, bump) : undefined,
      };
    });
}
