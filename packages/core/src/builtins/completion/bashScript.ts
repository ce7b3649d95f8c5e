/**
 * The bash script. Bash splits words at COMP_WORDBREAKS (`--opt=val` arrives as `--opt`, `=`,
 * `val`); the script joins back pieces that no blank separates, so the CLI sees the words as the
 * user typed them, then strips from each candidate the part readline keeps (`--opt=`).
 */
export function bashScript(cliName: string, fn: string, header: string): string {
  return `${header}
${fn}() {
  local line="\${COMP_LINE:0:COMP_POINT}" cur="\${COMP_WORDS[COMP_CWORD]}" word keep i n=0
  local -a words=()
  line="\${line#"\${line%%[![:blank:]]*}"}"
  line="\${line#"\${COMP_WORDS[0]}"}"
  for ((i = 1; i <= COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((n == 0)) || [[ $line == [[:blank:]]* ]]; then words[n++]="$word"; else words[n-1]+="$word"; fi
    line="\${line#"\${line%%[![:blank:]]*}"}"
    line="\${line#"$word"}"
  done
  ((n == 0)) && words[n++]=""
  # Readline replaces only the text after the last word break: nothing when cur is all breaks.
  [[ -z "\${cur//[$COMP_WORDBREAKS]/}" ]] && cur=""
  keep="\${words[n-1]%"$cur"}"
  local IFS=$'\\n'
  COMPREPLY=( $(${cliName} __complete -- "\${words[@]}" 2>/dev/null) )
  [[ -n $keep ]] && COMPREPLY=( "\${COMPREPLY[@]#"$keep"}" )
  return 0
}
complete -o default -F ${fn} ${cliName}
`;
}
