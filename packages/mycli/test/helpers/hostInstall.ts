/**
 * mycli laid out as `npm install` lays out a global or project install: real folders of the
 * built mycli and the @edict packages it ships with under one flat `node_modules`, whose
 * third-party packages are links to the workspace's. Lets a test give the host extra packages
 * (test-pkg@1.0.0) without touching the workspace.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './cliSandbox';

const SHIPPED = ['package.json', 'bin', 'lib'];
const FRAMEWORK = ['core', 'plugins', 'module-loader'];

/** Copies what a package ships (package.json, bin, lib) from the workspace folder `from` to `to`. */
export function copyPackage(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of SHIPPED)
    if (existsSync(join(from, entry))) cpSync(join(from, entry), join(to, entry), { recursive: true });
}

/** Links each third-party dependency of the workspace package `from` into `nodeModules`. */
function linkDependencies(from: string, nodeModules: string): void {
  const own = join(from, 'node_modules');
  if (!existsSync(own)) return;
  const names = readdirSync(own).flatMap((name) =>
    name.startsWith('@') ? readdirSync(join(own, name)).map((child) => `${name}/${child}`) : [name],
  );
  for (const name of names) {
    if (name.startsWith('@edict/') || name.startsWith('.')) continue;
    const link = join(nodeModules, name);
    if (existsSync(link)) continue;
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(join(own, name)), link, 'junction');
  }
}

/** A library whose main exports its version, written to `dir`. */
export function writeVersionLibrary(dir: string, name: string, version: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }, null, 2));
  writeFileSync(join(dir, 'index.js'), `exports.version = ${JSON.stringify(version)};\n`);
}

/** Installs the built mycli into `root` (created); returns the path of its bin. */
export function installMycli(root: string): string {
  const packages = join(REPO_ROOT, 'packages');
  copyPackage(join(packages, 'mycli'), root);
  const nodeModules = join(root, 'node_modules');
  for (const name of FRAMEWORK) {
    copyPackage(join(packages, name), join(nodeModules, '@edict', name));
    linkDependencies(join(packages, name), nodeModules);
  }
  return join(root, 'bin', 'mycli.js');
}
