/**
 * The `@edict/core/errors` entry (also `@edict/core/lib/error`, the path Imperative-style plugins
 * deep-import): the error API alone. The same module as the root entry's error exports, so both
 * hand out one `EdictError` class.
 */
export { EdictError, usageError, isEdictError, EXIT_OK, EXIT_FAILURE, EXIT_USAGE } from './EdictError';
export type { EdictErrorOptions } from './EdictError';
