import { completionScript } from '../../src/builtins/completionScripts';
import { splitCommandLine } from '../../src/builtins/completion/splitCommandLine';

// bash, zsh and fish run for real in packages/mycli/test/completion/shells.test.ts. PowerShell
// is not available here: its script is checked as text, and the line splitting it relies on
// (done by the CLI, in splitCommandLine) runs on the lines PowerShell hands over.
describe('completion scripts', () => {
  it('each starts with a comment saying how to install it in one command', () => {
    const firstLines = (shell: 'bash' | 'zsh' | 'fish', n: number): string =>
      completionScript(shell, 'mycli', 'MYCLI').split('\n').slice(0, n).join('\n');
    expect(firstLines('bash', 1)).toBe(
      '# bash completion for mycli. Install: ' +
        'mycli completion bash > ~/.local/share/bash-completion/completions/mycli',
    );
    expect(firstLines('zsh', 2)).toBe(
      '#compdef mycli\n# zsh completion for mycli. Install: mycli completion zsh > "${fpath[1]}/_mycli"',
    );
    expect(firstLines('fish', 1)).toBe(
      '# fish completion for mycli. Install: mycli completion fish > ~/.config/fish/completions/mycli.fish',
    );
    expect(completionScript('powershell', 'mycli', 'MYCLI')).toMatch(
      /^# powershell completion for mycli\. Install: mycli completion powershell >> \$PROFILE\n/,
    );
  });

  it('zsh: autoloaded, the file body defines and calls _mycli; sourced, it calls compdef', () => {
    const script = completionScript('zsh', 'mycli', 'MYCLI');
    expect(script).toContain(
      'if [[ "${funcstack[1]-}" == "_mycli" ]]; then\n  _mycli "$@"\nelse\n  compdef _mycli mycli\nfi\n',
    );
  });

  it(
    'PowerShell: a native argument completer that hands the line ' +
      'up to the cursor to `mycli __complete --line`',
    () => {
      const script = completionScript('powershell', 'mycli', 'MYCLI');
      expect(script).toContain("Register-ArgumentCompleter -Native -CommandName 'mycli' -ScriptBlock {");
      expect(script).toContain("Set-Item -Path 'env:MYCLI_COMPLETE_LINE' -Value $line");
      expect(script).toContain("& 'mycli' __complete --line 2>$null");
      expect(script).toContain('[System.Management.Automation.CompletionResult]::new($text, $candidate,');
    },
  );
});

describe('splitting a PowerShell command line', () => {
  it('drops the command name and keeps the last word, empty after a blank', () => {
    expect(splitCommandLine('mycli plu')).toEqual(['plu']);
    expect(splitCommandLine('mycli plugins uninstall ')).toEqual(['plugins', 'uninstall', '']);
    expect(splitCommandLine('mycli   greet\t--shout=t')).toEqual(['greet', '--shout=t']);
    expect(splitCommandLine('mycli')).toEqual([]);
    expect(splitCommandLine('')).toEqual([]);
  });

  it(
    'follows PowerShell quoting: literal single quotes, backtick ' +
      'escapes, an open quote still being typed',
    () => {
      expect(splitCommandLine("mycli greet 'Ada Lovelace' ")).toEqual(['greet', 'Ada Lovelace', '']);
      expect(splitCommandLine("mycli greet 'it''s' x")).toEqual(['greet', "it's", 'x']);
      expect(splitCommandLine('mycli greet "a `"b`"" c')).toEqual(['greet', 'a "b"', 'c']);
      expect(splitCommandLine('mycli greet Ada` Lovelace')).toEqual(['greet', 'Ada Lovelace']);
      expect(splitCommandLine("mycli plugins info '@acme/mycli-plu")).toEqual([
        'plugins',
        'info',
        '@acme/mycli-plu',
      ]);
      expect(splitCommandLine("mycli greet '' ")).toEqual(['greet', '', '']);
    },
  );
});
