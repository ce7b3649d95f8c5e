export {
  startRegistry,
  type StartRegistryOptions,
  type TestRegistry,
  type RegistryRequest,
} from './registry/startRegistry';
export {
  runCommand,
  type RunCommandOptions,
  type RunCommandResult,
  type JsonDocument,
} from './run/runCommand';
export { loadPluginCommands, loadPluginDefinitions, type PluginDefinitions } from './run/loadPluginCommands';
export { findBin } from './run/findBin';
export { seedRegistry, type SeedRegistryOptions, type SeedResult } from './registry-seed/seedRegistry';
export { packTarball, type TarEntry, type PackedTarball } from './registry-seed/tarball';
export { hashTree } from './fs/hashTree';
export {
  startSecretService,
  secretServiceAvailable,
  type SecretService,
} from './credentials/startSecretService';
