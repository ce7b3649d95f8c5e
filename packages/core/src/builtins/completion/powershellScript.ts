/**
 * The PowerShell script. It hands the CLI the command line up to the cursor in
 * `<PREFIX>_COMPLETE_LINE` (an environment variable: no native-argument quoting to get wrong)
 * and the CLI splits it ({@link import('./splitCommandLine').splitCommandLine}).
 */
export function powershellScript(cliName: string, envPrefix: string, header: string): string {
  const variable = `env:${envPrefix}_COMPLETE_LINE`;
  return (
    `${header}
Register-ArgumentCompleter -Native -CommandName '${cliName}` +
    `' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
 ` +
    `   $line = $commandAst.Extent.Text
    $end = $cursorPosition ` +
    `- $commandAst.Extent.StartOffset
    if ($end -lt $line.Length) ` +
    `{ $line = $line.Substring(0, [Math]::Max(0, $end)) }
    elseif ` +
    `($end -gt $line.Length) { $line += ' ' }
    $previous = Get-Item -Path '${variable}` +
    `' -ErrorAction SilentlyContinue
    Set-Item -Path '${variable}` +
    `' -Value $line
    try { $candidates = @(& '${cliName}` +
    `' __complete --line 2>$null) }
    finally { if ($previous) ` +
    `{ Set-Item -Path '${variable}` +
    `' -Value $previous.Value } else { Remove-Item -Path '${variable}` +
    `' -ErrorAction SilentlyContinue } }
    foreach ($candidate ` +
    `in $candidates) {
        if (-not $candidate) { continue }
 ` +
    `       $text = if ($candidate -match '[\\s''"\`$;,(){}@|&<>#]') ` +
    `{ "'" + ($candidate -replace "'", "''") + "'" } else { $candidate ` +
    `}
        [System.Management.Automation.CompletionResult]::new($text, ` +
    `$candidate, 'ParameterValue', $candidate)
    }
}
`
  );
}
