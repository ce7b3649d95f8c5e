/**
 * How long plugin code run by the engine may take before it is killed: reading the commands of
 * a plugin that has no manifest, and an install hook. `EDICT_PLUGIN_CODE_TIMEOUT_MS` overrides
 * both (tests of hostile plugins set it low).
 */
export function codeTimeoutMs(kind: 'definitions' | 'hook'): number {
  const override = Number(process.env.EDICT_PLUGIN_CODE_TIMEOUT_MS);
  if (Number.isFinite(override) && override > 0) return override;
  return kind === 'definitions' ? 10_000 : 60_000;
}
