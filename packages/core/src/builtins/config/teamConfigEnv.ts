import type { CommandNode } from '../../definitions/types';
import type { CredentialManager, ProfileTypeDefinition } from '../../profiles/types';

/** What the `config` commands need from the run besides the handler context. */
export interface TeamConfigEnv {
  /** The merged command tree, read when a command runs. */
  tree: () => readonly CommandNode[];
  /** The profile types known to the run: the host's, then each source's (plugins). */
  profileTypes: () => readonly ProfileTypeDefinition[];
  /** The credential manager; created (and its native module loaded) only when called. */
  credentials: () => CredentialManager;
}
