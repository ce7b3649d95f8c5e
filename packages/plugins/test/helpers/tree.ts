export { hashTree } from '../../../testing/src/fs/hashTree';
