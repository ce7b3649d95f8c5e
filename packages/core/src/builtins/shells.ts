/** Shells `completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;

export type Shell = (typeof SHELLS)[number];

/** How each shell's script is installed, one command each (shown in the script, help and docs). */
export function installCommand(shell: Shell, cliName: string): string {
  switch (shell) {
    case 'bash':
      return `${cliName} completion bash > ~/.local/share/bash-completion/completions/${cliName}`;
    case 'zsh':
      return `${cliName} completion zsh > "\${fpath[1]}/_${cliName}"`;
    case 'fish':
      return `${cliName} completion fish > ~/.config/fish/completions/${cliName}.fish`;
    case 'powershell':
      return `${cliName} completion powershell >> $PROFILE`;
  }
}
