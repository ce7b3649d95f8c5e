/** The shells `completion` writes scripts for. */
import { SHELLS } from './shells';

export { SHELLS };

function functionName(cliName: string): string {
  return `_${cliName.replace(/[^A-Za-z0-9_]/g, '_')}_complete`;
}

/**
 * A completion script that asks the CLI itself for candidates (`<cli> __complete -- <words…>`),
 * so commands added later (plugins) complete without regenerating the script.
 */
export function completionScript(shell: (typeof SHELLS)[number], cliName: string): string {
  const fn = functionName(cliName);
  if (shell === 'zsh') {
    return [
      `#compdef ${cliName}`,
      `# zsh completion for ${cliName}. Install: ${cliName} completion zsh > "\${fpath[1]}/_${cliName}"`,
      `${fn}() {`,
      `  local -a candidates`,
      `  candidates=("\${(@f)$(${cliName} __complete -- "\${(@)words[2,$CURRENT]}" 2>/dev/null)}")`,
      `  compadd -a candidates`,
      `}`,
      `compdef ${fn} ${cliName}`,
      '',
    ].join('\n');
  }
  return [
    `# bash completion for ${cliName}. Install: ${cliName} completion bash >> ~/.bashrc`,
    `${fn}() {`,
    `  local IFS=$'\\n'`,
    `  COMPREPLY=( $(${cliName} __complete -- "\${COMP_WORDS[@]:1:$COMP_CWORD}" 2>/dev/null) )`,
    `}`,
    `complete -o default -F ${fn} ${cliName}`,
    '',
  ].join('\n');
}
