import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listTemplateFiles, placeholders, render, renderProject, TEMPLATES_DIR } from '../src/templates';
import { templateVars, type ProjectOptions } from '../src/options';

const cli: ProjectOptions = {
  kind: 'cli',
  dir: '/x/acme',
  name: '@acme/acme-cli',
  description: 'Acme\'s "tool"',
  pm: 'pnpm',
  edictRange: '^0.1.0',
  bin: 'acme',
};
const plugin: ProjectOptions = {
  kind: 'plugin',
  dir: '/x/p',
  name: 'acme-plugin-deploy',
  description: 'Deploys',
  pm: 'npm',
  edictRange: '^0.1.0',
  host: 'acme',
  hostPackage: '@acme/acme-cli',
  hostRange: '^2.0.0',
  command: 'deploy',
};

describe.each([
  ['cli', cli],
  ['plugin', plugin],
] as const)('the %s templates', (kind, options) => {
  const vars = templateVars(options);

  it('use only placeholders that have values', () => {
    for (const rel of listTemplateFiles(kind)) {
      const used = [
        ...placeholders(rel),
        ...placeholders(readFileSync(join(TEMPLATES_DIR, kind, rel), 'utf8')),
      ];
      for (const key of used)
        expect({ file: rel, key, has: key in vars }).toEqual({ file: rel, key, has: true });
    }
  });

  it('render every file with no placeholder left', () => {
    const files = renderProject(kind, vars);
    expect(files.length).toBe(listTemplateFiles(kind).length);
    for (const file of files) {
      expect(file.path).not.toMatch(/\{\{|\}\}/);
      expect({ path: file.path, leftover: file.content.match(/\{\{[^}]*\}\}/g) }).toEqual({
        path: file.path,
        leftover: null,
      });
    }
  });

  it('render a package.json that parses, with the names given', () => {
    const pkg = JSON.parse(renderProject(kind, vars).find((f) => f.path === 'package.json')!.content);
    expect(pkg.name).toBe(options.name);
    expect(pkg.description).toBe(options.description);
    expect(pkg.scripts.test).toMatch(/node --test/);
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(
      kind === 'cli'
        ? ['@edict/testing', '@types/node', 'typescript']
        : ['@acme/acme-cli', '@edict/core', '@edict/testing', '@types/node', 'typescript'],
    );
  });
});

describe('rendering', () => {
  it('names a gitignore _gitignore so npm publishes it, and writes it as .gitignore', () => {
    expect(listTemplateFiles('cli')).toContain('_gitignore');
    expect(renderProject('cli', templateVars(cli)).map((f) => f.path)).toContain('.gitignore');
  });

  it('fills placeholders in file names (bin/acme.js)', () => {
    expect(renderProject('cli', templateVars(cli)).map((f) => f.path)).toContain('bin/acme.js');
  });

  it('refuses a placeholder with no value, naming it and the file', () => {
    expect(() => render('x {{nope}} y', {}, 'templates/cli/x')).toThrow(
      /templates\/cli\/x uses \{\{nope\}\}/,
    );
  });

  it(
    'gives a plugin the host keyword, the edict field, peer ranges ' +
      'and a prepack that writes the command manifest',
    () => {
      const pkg = JSON.parse(
        renderProject('plugin', templateVars(plugin)).find((f) => f.path === 'package.json')!.content,
      );
      expect(pkg.keywords).toEqual(['acme-plugin']);
      expect(pkg.edict).toEqual({ commands: './lib/commands.js' });
      expect(pkg.scripts.prepack).toBe('npm run build && edict-manifest');
      expect(pkg.files).toContain('edict.manifest.json');
      expect(pkg.peerDependencies).toEqual({ '@edict/core': '^0.1.0', '@acme/acme-cli': '^2.0.0' });
      const commands = renderProject('plugin', templateVars(plugin)).find(
        (f) => f.path === 'src/commands.ts',
      )!.content;
      expect(commands).toContain("handler: './lib/handlers/hello.js'");
      expect(commands).toContain("name: 'deploy'");
    },
  );

  it("gives a CLI mycli's exports, so its plugins can use the same subpaths (lib/*)", () => {
    const pkg = JSON.parse(
      renderProject('cli', templateVars(cli)).find((f) => f.path === 'package.json')!.content,
    );
    const mycli = JSON.parse(readFileSync(join(__dirname, '..', '..', 'mycli', 'package.json'), 'utf8'));
    expect(pkg.exports).toEqual(mycli.exports);
    expect(Object.keys(pkg.exports)).toContain('./lib/*');
  });
});
