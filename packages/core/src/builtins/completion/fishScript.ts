/** The fish script: one `complete` rule that asks the CLI; files when it has nothing to offer. */
export function fishScript(cliName: string, fn: string, header: string): string {
  return `${header}
function ${fn}
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l candidates (${cliName} __complete -- $words[2..-1] "$current" 2>/dev/null)
    if set -q candidates[1]
        printf '%s\\n' $candidates
    else
        __fish_complete_path "$current"
    end
end
complete -c ${cliName} -f -a '(${fn})'
`;
}
