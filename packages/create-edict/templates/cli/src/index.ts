export { cli } from './main';
export { commands } from './commands';
