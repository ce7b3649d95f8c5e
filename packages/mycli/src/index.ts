export { cli } from './main';
