import { bashScript } from './completion/bashScript';
import { fishScript } from './completion/fishScript';
import { powershellScript } from './completion/powershellScript';
import { zshScript } from './completion/zshScript';
import { SHELLS, installCommand, type Shell } from './shells';

export { SHELLS };

/** A shell-safe function-name part for the CLI name. */
export function functionName(cliName: string): string {
  return `_${cliName.replace(/[^A-Za-z0-9_]/g, '_')}_complete`;
}

/**
 * A completion script that asks the CLI itself for candidates (`<cli> __complete -- <words…>`,
 * or `<cli> __complete --line` from PowerShell), so commands added later (plugins) complete
 * without regenerating the script. Its first comment line says how to install it.
 */
export function completionScript(shell: Shell, cliName: string, envPrefix: string): string {
  const header = `# ${shell} completion for ${cliName}. Install: ${installCommand(shell, cliName)}`;
  switch (shell) {
    case 'bash':
      return bashScript(cliName, functionName(cliName), header);
    case 'zsh':
      return zshScript(cliName, header);
    case 'fish':
      return fishScript(cliName, functionName(cliName), header);
    case 'powershell':
      return powershellScript(cliName, envPrefix, header);
  }
}
