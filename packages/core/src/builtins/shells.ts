/** Shells `completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh'] as const;

export type Shell = (typeof SHELLS)[number];
