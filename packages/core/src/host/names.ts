/** Environment-variable prefix for a CLI name: upper-cased, non-alphanumerics → `_` (`my-cli` → `MY_CLI`). */
export function envPrefixFor(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** `dry-run` → `DRY_RUN`: the option part of `<PREFIX>_OPT_<OPTION>`. */
export function toEnvSegment(optionName: string): string {
  return optionName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_');
}

/** `dry-run` → `dryRun`. */
export function camelCase(name: string): string {
  return name.replace(/-+([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** `dryRun` → `dry-run`. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
