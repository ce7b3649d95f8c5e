/**
 * The code samples of the authoring and testing guides are the generated project's files: each
 * ```ts block marked `<!-- template: <kind>/<path> -->` must equal that template rendered for the
 * guide's example names (and the e2e test builds and runs those files); a block marked
 * `<!-- subset: <kind>/<path> -->` must be contained in the rendered JSON; a block marked
 * `<!-- typecheck -->` is type-checked against the framework's sources. No unmarked ts block.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../src/args';
import { resolveOptions, templateVars } from '../src/options';
import { renderProject, type ProjectFile } from '../src/templates';

const repoRoot = join(__dirname, '..', '..', '..');
const DOCS = ['authoring-clis.md', 'authoring-plugins.md', 'testing.md'];

interface Block {
  doc: string;
  marker: string | undefined;
  lang: string;
  code: string;
}

function blocks(doc: string): Block[] {
  const text = readFileSync(join(repoRoot, 'docs', doc), 'utf8');
  return [...text.matchAll(/(?:<!-- ([^>]+?) -->\n)?```(\w*)\n([\s\S]*?)```/g)].map((m) => ({
    doc,
    marker: m[1],
    lang: m[2]!,
    code: m[3]!,
  }));
}

/** The projects the guides show: `my-cli`, and `my-cli-plugin-greet` for host `my-cli`, with defaults. */
async function exampleProjects(): Promise<Record<string, ProjectFile[]>> {
  const ctx = { cwd: '/work', env: {}, ownVersion: '0.1.0' };
  const cli = await resolveOptions(parseArgs(['my-cli', '--yes']), ctx);
  const plugin = await resolveOptions(
    parseArgs(['my-cli-plugin-greet', '--plugin', '--host', 'my-cli', '--yes']),
    ctx,
  );
  return {
    cli: renderProject('cli', templateVars(cli)),
    plugin: renderProject('plugin', templateVars(plugin)),
  };
}

const all = DOCS.flatMap(blocks);

describe('guide samples', () => {
  it('every ts block is a template, a subset or type-checked', () => {
    const unmarked = all.filter(
      (b) => b.lang === 'ts' && !/^(template|subset): |^typecheck$/.test(b.marker ?? ''),
    );
    expect(unmarked.map((b) => `${b.doc}: ${b.code.slice(0, 60)}`)).toEqual([]);
    expect(all.filter((b) => b.marker?.startsWith('template: ')).length).toBeGreaterThanOrEqual(7);
  });

  it.each(
    all.filter((b) => b.marker?.startsWith('template: ')).map((b) => [`${b.doc} ${b.marker}`, b] as const),
  )('%s equals the generated file', async (_name, block) => {
    const [kind, ...rest] = block.marker!.slice('template: '.length).split('/');
    const file = (await exampleProjects())[kind!]!.find((f) => f.path === rest.join('/'));
    expect(file?.content).toBe(block.code);
  });

  it.each(
    all.filter((b) => b.marker?.startsWith('subset: ')).map((b) => [`${b.doc} ${b.marker}`, b] as const),
  )('%s is contained in the generated file', async (_name, block) => {
    const [kind, ...rest] = block.marker!.slice('subset: '.length).split('/');
    const file = (await exampleProjects())[kind!]!.find((f) => f.path === rest.join('/'));
    expect(JSON.parse(file!.content)).toMatchObject(JSON.parse(block.code));
  });

  it('type-checks the typecheck samples against the framework sources', () => {
    const samples = all.filter((b) => b.marker === 'typecheck');
    expect(samples.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'edict-doc-samples-'));
    try {
      samples.forEach((b, i) => writeFileSync(join(dir, `sample${i}.ts`), b.code));
      const paths = {
        '@edict/testing': [join(repoRoot, 'packages/testing/src/index.ts')],
        '@edict/core': [join(repoRoot, 'packages/core/src/index.ts')],
      };
      const compilerOptions = {
        strict: true,
        noEmit: true,
        module: 'Node16',
        moduleResolution: 'Node16',
        target: 'ES2022',
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(repoRoot, 'node_modules/@types')],
        baseUrl: dir,
        paths,
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
      const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', dir], {
        encoding: 'utf8',
      });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
