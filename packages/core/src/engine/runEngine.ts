import type { CliOptions } from '../api/cli';
import type { CommandContext } from '../api/context';
import type { CliIO } from '../api/io';
import type { Output } from '../api/output';
import { COMPLETE_COMMAND, frameworkCommands, HELP_COMMAND } from '../builtins/frameworkCommands';
import { fileConfigStore } from '../config/fileConfigStore';
import type { CommandDefinition, CommandNode } from '../definitions/types';
import { isGroup } from '../definitions/types';
import { usageError } from '../errors/EdictError';
import { loadHandler } from '../handlers/loadHandler';
import { resolveHost } from '../host/resolveHost';
import { runLog } from '../log/runLog';
import { createOutput } from '../output/createOutput';
import type { Logger } from '../profiles/types';
import { BOOLEAN_WANTED, BOOLEAN_WORDS } from '../parsing/coerce';
import type { CredentialManager, ProfileTypeDefinition } from '../profiles/types';
import { createPrompter } from '../prompt/createPrompter';
import { parseInputs } from './parseInputs';
import { extractGlobalFlags } from '../routing/globalFlags';
import { findChild, route, routeNode } from '../routing/route';
import { claimedNames, mergeTree } from '../tree/mergeTree';
import { loadTree } from './loadTree';
import { reportFailure, reportSuccess } from './report';

/** Runs one command line through the full engine: tree, routing, help, parsing, handler, report. */
export async function runEngine(options: CliOptions, argv: string[], io: CliIO): Promise<number> {
  const completing = argv[0] === COMPLETE_COMMAND;
  const { flags, rest, invalid } = completing
    ? { flags: extractGlobalFlags([]).flags, rest: argv.slice(1), invalid: undefined }
    : extractGlobalFlags(argv);
  let tree: CommandNode[] = [];
  let profileTypes: readonly ProfileTypeDefinition[] = options.profileTypes ?? [];
  let credentialManager: CredentialManager | undefined = options.credentialManager;
  // Created on first use: a run without secure values never loads the native keyring module.
  const credentials = (): CredentialManager => (credentialManager ??= defaultCredentials(host.name));
  const framework = frameworkCommands({
    switches: options.builtins ?? {},
    description: options.description,
    tree: () => tree,
    profileTypes: () => profileTypes,
    credentials,
  });
  // Answered by the engine, unless the host replaced it (then it is not in the tree).
  const helpNode = framework.find((n) => n.name === HELP_COMMAND);
  // The host's own commands come first, so a host may replace a framework built-in by name.
  const builtins = mergeTree(options.commands ?? [], [{ name: 'the framework', commands: framework }]).tree;
  const host = resolveHost(options, io, claimedNames(builtins));
  const debug = flags.debug || ['1', 'true'].includes(io.env[`${host.envPrefix}_DEBUG`] ?? '');
  const out = createOutput(io, { json: flags.json, noColor: flags.noColor });
  const config = fileConfigStore(host.dirs.config, host.name);
  const rerun = [host.name, ...argv].join(' ');
  // Secure values in effect are added to `logs.censor` once parsed; a logger is made when first needed.
  const logs = runLog(host, { debug, stderr: io.stderr, warn: (w) => out.warn(w) });
  let log: Logger | undefined;
  try {
    if (invalid !== undefined) throw invalidGlobalFlag(invalid, host.name);
    if (flags.version && !flags.help) return reportVersion(io, out, flags, host);
    const loaded = await loadTree(builtins, options.sources ?? [], host, options.profileTypes ?? []);
    tree = loaded.tree;
    profileTypes = loaded.profileTypes;
    loaded.warnings.forEach((w) => out.warn(w));
    if (completing) {
      // Completion and help renderers load only on runs that need them.
      const { completionCandidates, completionWords } =
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require('../builtins/completion/complete') as typeof import('../builtins/completion/complete');
      const typed = completionWords(rest, io.env, host.envPrefix);
      // `help <words…>` completes the command words it takes.
      const words =
        typed.length > 1 && helpNode !== undefined && findChild(tree, typed[0] as string) === helpNode
          ? typed.slice(1)
          : typed;
      for (const candidate of await completionCandidates(tree, words, host))
        io.stdout.write(`${candidate}\n`);
      return 0;
    }
    let found = route(tree, rest, host.name);
    const asked = found.path.length === 1 && helpNode !== undefined && found.path[0] === helpNode;
    // `help a b` is `a b --help` (an unknown word is the usual error with a suggestion).
    if (asked)
      found = route(
        tree,
        found.rest.filter((w) => !w.startsWith('-')),
        host.name,
      );
    const node = routeNode(found);
    if (asked || flags.help || node === undefined || isGroup(node)) {
      if (!asked && !flags.help && found.rest.length > 0)
        throw strayAfterGroup(host.name, found.names, found.rest[0] as string);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { showHelp } = require('./showHelp') as typeof import('./showHelp');
      return showHelp({
        io,
        out,
        options,
        envPrefix: host.envPrefix,
        tree,
        path: found.path,
        json: flags.json,
        noColor: flags.noColor,
      });
    }
    const label = [host.name, ...found.names].join(' ');
    // The command's own tag from here on, so its parse errors log under the plugin's name too.
    log = logs.logger(found.path[0]?.origin ?? host.name);
    const parseInput = {
      path: found.path,
      argv: found.rest,
      cliName: host.name,
      envPrefix: host.envPrefix,
      env: io.env,
      config: () => config,
    };
    const prompter = createPrompter(io, { json: flags.json, helpCommand: `${label} --help` });
    const parsed = await parseInputs(parseInput, {
      host,
      types: loaded.profileTypes,
      credentials,
      prompter,
      showInputsOnly: flags.showInputsOnly,
    });
    parsed.secrets.forEach((secret) => logs.censor.add(secret));
    parsed.warnings.forEach((w) => out.warn(w));
    parsed.notices.forEach((n) => out.info(n));
    if (flags.showInputsOnly) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- only --show-inputs-only prints it
      const { showInputs } = require('./showInputs') as typeof import('./showInputs');
      return reportSuccess(io, out, flags.json, showInputs(out, parsed.inputs, flags.json));
    }
    const handler = await loadHandler(
      (node as CommandDefinition).handler,
      options.packageRoot ?? io.cwd,
      label,
    );
    const ctx: CommandContext = {
      args: parsed.args,
      argv,
      commandPath: found.names,
      host,
      json: flags.json,
      out,
      config,
      debug,
      prompt: prompter,
      log,
      ...(parsed.profiles === undefined ? {} : { profiles: parsed.profiles }),
    };
    log.debug('run %s', label);
    const code = reportSuccess(io, out, flags.json, await handler(ctx));
    log.debug('exit %d', code);
    return code;
  } catch (err) {
    const code = reportFailure(io, out, { json: flags.json, debug, rerun }, err);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- only a failed run needs it
    const { logFailure } = require('../log/logFailure') as typeof import('../log/logFailure');
    logFailure(log ?? logs.logger(host.name), err, code);
    return code;
  }
}

// `--version --debug` is `version`: also the framework's, Node's and the platform's.
function reportVersion(
  io: CliIO,
  out: Output,
  flags: { json: boolean; debug: boolean },
  host: { name: string; version: string },
): number {
  if (!flags.debug)
    return reportSuccess(
      io,
      out,
      flags.json,
      flags.json ? { name: host.name, version: host.version, message: host.version } : host.version,
    );
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only `--version --debug` needs it
  const { versionInfo } = require('../builtins/versionInfo') as typeof import('../builtins/versionInfo');
  return reportSuccess(io, out, flags.json, versionInfo(host.name, host.version));
}

function invalidGlobalFlag(arg: string, cliName: string): Error {
  const [flag = arg, value = ''] = arg.split(/=(.*)/s);
  return usageError(
    'EDICT_INVALID_VALUE',
    `Invalid value "${value}" for option ${flag}: wanted ${BOOLEAN_WANTED}.`,
    {
      hint: `${cliName} --help`,
      details: {
        option: flag.replace(/^--(no-)?/, ''),
        value,
        accepted: BOOLEAN_WORDS.map(([word]) => word),
      },
    },
  );
}

function strayAfterGroup(cliName: string, names: readonly string[], word: string): Error {
  const where = [cliName, ...names].join(' ');
  return usageError('EDICT_MISSING_COMMAND', `${where} needs a command before "${word}".`, {
    hint: `${where} --help`,
    details: { got: word },
  });
}

// The native keyring module loads only when a run reads or writes a secure value.
function defaultCredentials(service: string): CredentialManager {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { keyringCredentialManager } = require('../profiles/keyringCredentialManager') as KeyringModule;
  return keyringCredentialManager(service);
}
type KeyringModule = typeof import('../profiles/keyringCredentialManager');
