export { startRegistry, type StartRegistryOptions, type TestRegistry, type RegistryRequest } from './registry/startRegistry';
