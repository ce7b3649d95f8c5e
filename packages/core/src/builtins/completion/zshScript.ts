/**
 * The zsh script, a `#compdef` file. Autoloaded from fpath, the file body is the body of
 * `_<cli>`: it defines the real `_<cli>` and calls it, so the very first TAB completes. Sourced
 * (`source <(<cli> completion zsh)`), it registers `_<cli>` with compdef instead.
 */
export function zshScript(cliName: string, header: string): string {
  const fn = `_${cliName}`;
  return `#compdef ${cliName}
${header}
${fn}() {
  local -a candidates
  candidates=("\${(@f)$(${cliName} __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  if (( ! \${#candidates} )); then
    _files
    return
  fi
  if [[ $PREFIX == -*=* ]]; then
    # \`--opt=val\`: complete the value; the \`--opt=\` part stays as typed.
    IPREFIX="$IPREFIX\${PREFIX%%=*}="
    PREFIX="\${PREFIX#*=}"
    candidates=("\${(@)candidates#*=}")
  fi
  compadd -a candidates
}
if [[ "\${funcstack[1]-}" == "${fn}" ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${cliName}
fi
`;
}
