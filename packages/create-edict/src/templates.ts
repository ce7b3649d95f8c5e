import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateError } from './errors';

/** The values templates are filled with (`{{name}}` → `vars.name`). */
export type TemplateVars = Record<string, string>;

/** One file to write: its path inside the project and its text. */
export interface ProjectFile {
  path: string;
  content: string;
}

/** Folder of the template files shipped with this package (`templates/cli`, `templates/plugin`). */
export const TEMPLATES_DIR = join(__dirname, '..', 'templates');

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/**
 * Fills `{{key}}` placeholders. A placeholder without a value is an error (a template bug), so a
 * generated file never contains a stray `{{…}}`.
 */
export function render(text: string, vars: TemplateVars, source = 'template'): string {
  return text.replace(PLACEHOLDER, (_match, key: string) => {
    const value = vars[key];
    if (value === undefined)
      throw new CreateError('EDICT_CREATE_TEMPLATE', `${source} uses {{${key}}}, which has no value.`);
    return value;
  });
}

/** The placeholder names a text uses. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Template file paths (relative, `/`-separated) of one kind of project. */
export function listTemplateFiles(kind: string, dir = TEMPLATES_DIR): string[] {
  const root = join(dir, kind);
  const files: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(root, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else files.push(rel);
    }
  };
  walk('');
  return files.sort();
}

/**
 * The output path of a template file: placeholders filled, and a leading `_` of a dotfile's name
 * turned into `.` (`_gitignore` → `.gitignore`; npm would drop a real `.gitignore` on publish).
 */
export function outputPath(templatePath: string, vars: TemplateVars): string {
  return render(templatePath, vars, templatePath)
    .split('/')
    .map((part) => (part.startsWith('_') ? `.${part.slice(1)}` : part))
    .join('/');
}

/** Every file of a project kind, rendered with `vars`. */
export function renderProject(kind: string, vars: TemplateVars, dir = TEMPLATES_DIR): ProjectFile[] {
  return listTemplateFiles(kind, dir).map((rel) => ({
    path: outputPath(rel, vars),
    content: render(readFileSync(join(dir, kind, rel), 'utf8'), vars, `templates/${kind}/${rel}`),
  }));
}
