import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The absolute path of an installed package's bin file, found like Node finds the package
 * (`node_modules/<packageName>` in `from` and each parent). `name` picks one of several bins
 * (default: the one named like the package without scope, else the only one). Pass the result
 * as `bin` to `runCommand` to run a host CLI in a child process.
 */
export function findBin(packageName: string, options: { from: string; name?: string }): string {
  for (let dir = options.from; ; dir = dirname(dir)) {
    const root = join(dir, 'node_modules', packageName);
    if (existsSync(join(root, 'package.json'))) {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        bin?: string | Record<string, string>;
      };
      const bins =
        typeof pkg.bin === 'string' ? { [packageName.replace(/^@[^/]+\//, '')]: pkg.bin } : (pkg.bin ?? {});
      const wanted = options.name ?? packageName.replace(/^@[^/]+\//, '');
      const values = Object.values(bins);
      const file = bins[wanted] ?? (values.length === 1 ? values[0] : undefined);
      if (!file)
        throw new Error(
          `${packageName} (${root}` +
            `) has no bin named ${wanted}` +
            `; it has: ${Object.keys(bins).join(', ') || 'none'}.`,
        );
      return join(root, file);
    }
    if (dirname(dir) === dir)
      throw new Error(
        `${packageName} is not installed in ${options.from} or any parent folder's node_modules.`,
      );
  }
}
