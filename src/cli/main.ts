import * as liquid from 'liquidjs';
import { ZodError } from 'zod';
import { compile, installTemplateEngine, specJsonSchema, specToJson } from '../domain/index.ts';
import { commandName, parseArgs, stringFlag, type ParsedArgs } from './args.ts';
import { diagnosticsSummary, formatDiagnostics } from './format-diagnostics.ts';
import { CliError, EXIT, jsonFailure, type CliIo } from './io.ts';
import { issuesInWords } from './issues-in-words.ts';
import { conformanceCommand } from './conformance-command.ts';
import { examplesCommand } from './examples-command.ts';
import { loadJourneyOrSpec } from './load-journey-or-spec.ts';
import { shownName } from './read-json.ts';
import { simulateCommand } from './simulate-command.ts';
import { stopCommand } from './stop-command.ts';
import { writeOutput } from './write-output.ts';

installTemplateEngine(liquid, () => performance.now());

const USAGE = `Usage: wayfinder <command> [options]

Commands:
  validate FILE [--json]          check a journey document or a compiled spec (--json: a
                                  report on stdout, unreadable input included)
                                  exit 0 valid, 1 invalid, 2 unreadable
  compile DOCUMENT [-o FILE] [--version N]
                                  compile a journey document to its spec (stdout by default);
                                  --version N stamps it as version N for publishing (the
                                  backend wants the next number), else a content hash
  schema                          print the spec's JSON Schema
  simulate FILE --profiles FILE [--start DATE] [--days N] [--seed N] [--json]
           [--trace N] [--trace-id ID]... [--behaviour FILE] [--encoding NAME]
                                  run a document or spec over sample profiles (JSON, CSV
                                  or a CDNOW transaction file) in simulated time;
                                  the period defaults to the span of the profiles' events, or
                                  to 30 days from today (UTC) when they have none, as in the app;
                                  --start without an offset is UTC;
                                  --days is a whole number from 1 to 36,600;
                                  --seed N: the same seed gives the same run (default 1);
                                  --trace N traces N profiles picked by the seed (0 to 10,000);
                                  --trace-id (repeatable) traces those profiles;
                                  --behaviour reads per-channel behaviour assumptions (JSON, as
                                  the app's table sets them);
                                  --encoding: the profiles file's when not UTF-8 and it has
                                  no byte-order mark (windows-1252, iso-8859-15,
                                  windows-1250, macintosh, utf-16le, utf-16be)
  examples [--out DIR]            write the templates as documents and specs (examples/)
  conformance --out DIR           write the backend conformance kit (cases + README)
  conformance --check KIT --actual DIR
                                  compare a backend's outcomes with the kit's expected ones
  stop JOURNEY_ID --backend URL   stop a live journey on an execution backend: no new entries,
                                  every run in flight ends now (token from WAYFINDER_TOKEN);
                                  exit 0 stopped, 1 refused, 2 no answer
  help                            show this help

The first FILE of a command may be - to read standard input.
`;

const BOOLEAN_FLAGS = new Set(['json', 'help', 'h']);

type Command = (args: ParsedArgs, io: CliIo) => Promise<number>;

function requireFile(args: ParsedArgs, what: string): string {
  const file = args.positionals[1];
  if (file === undefined) throw new CliError(`${what}\n\n${USAGE}`, EXIT.unreadable);
  return file;
}

const validateCommand: Command = async (args, io) => {
  const file = requireFile(args, 'validate needs a FILE');
  const json = args.flags.has('json');
  const input = await loadJourneyOrSpec(file, io.cwd, io.readFile).catch((error: unknown) => {
    // A machine reading the report gets one whatever happened; the reason also goes to stderr.
    if (json && error instanceof CliError)
      io.stdout(
        `${JSON.stringify({ file, kind: null, valid: false, ...jsonFailure(error), diagnostics: [] }, null, 2)}\n`,
      );
    throw error;
  });
  const valid = !input.diagnostics.some((d) => d.severity === 'error');
  if (json) {
    io.stdout(
      `${JSON.stringify({ file, kind: input.kind, valid, diagnostics: input.diagnostics }, null, 2)}\n`,
    );
  } else {
    const labels =
      input.kind === 'document'
        ? new Map(input.document.steps.map((s) => [s.id, s.label]))
        : new Map<string, string>();
    io.stdout(
      `${shownName(file)}: ${input.kind}, ${valid ? 'valid' : 'invalid'} (${diagnosticsSummary(input.diagnostics)})\n`,
    );
    if (input.diagnostics.length > 0)
      io.stdout(`${formatDiagnostics(input.diagnostics, labels)}\n`);
  }
  return valid ? EXIT.ok : EXIT.invalid;
};

/** `--version N`: a published version number, 1 or more. */
function versionFlag(args: ParsedArgs): number | undefined {
  const raw = stringFlag(args, 'version');
  if (raw === undefined) return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(raw))
    throw new CliError(
      `option --version needs a whole number from 1 (the version to publish as), got "${raw}"`,
      EXIT.unreadable,
    );
  return Number(raw);
}

const compileCommand: Command = async (args, io) => {
  const file = requireFile(args, 'compile needs a DOCUMENT');
  const version = versionFlag(args);
  const input = await loadJourneyOrSpec(file, io.cwd, io.readFile);
  if (input.kind === 'spec')
    throw new CliError(`${shownName(file)} is already a compiled spec`, EXIT.unreadable);
  const { spec, diagnostics } = compile(input.document, version === undefined ? {} : { version });
  if (spec === null) {
    const labels = new Map(input.document.steps.map((s) => [s.id, s.label]));
    io.stderr(
      `${shownName(file)}: cannot compile (${diagnosticsSummary(diagnostics)})\n${formatDiagnostics(diagnostics, labels)}\n`,
    );
    return EXIT.invalid;
  }
  const json = specToJson(spec);
  const out = stringFlag(args, 'o', 'out');
  if (out === undefined || out === '-') io.stdout(json);
  else {
    await writeOutput(out, io.cwd, json);
    io.stderr(`${shownName(file)}: compiled to ${out} (${diagnosticsSummary(diagnostics)})\n`);
  }
  return EXIT.ok;
};

const schemaCommand: Command = async (_args, io) => {
  io.stdout(`${JSON.stringify(specJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
};

/** What a command takes: switches, options with a value, and its argument if any. */
interface CommandLine {
  run: Command;
  switches: readonly string[];
  values: readonly string[];
  /** The one argument after the command's name (FILE, JOURNEY_ID), if it takes one. */
  argument?: string;
}

// A Map, so a command named "constructor" or "toString" is unknown, not Object's.
const COMMANDS = new Map<string, CommandLine>([
  [
    'simulate',
    {
      run: simulateCommand,
      switches: ['json'],
      values: [
        'profiles',
        'p',
        'start',
        'days',
        'seed',
        'trace',
        'trace-id',
        'behaviour',
        'encoding',
      ],
      argument: 'FILE',
    },
  ],
  [
    'conformance',
    {
      run: conformanceCommand,
      switches: [],
      values: ['out', 'o', 'check', 'actual'],
    },
  ],
  ['examples', { run: examplesCommand, switches: [], values: ['out', 'o'] }],
  ['validate', { run: validateCommand, switches: ['json'], values: [], argument: 'FILE' }],
  [
    'compile',
    { run: compileCommand, switches: [], values: ['o', 'out', 'version'], argument: 'DOCUMENT' },
  ],
  ['schema', { run: schemaCommand, switches: [], values: [] }],
  ['stop', { run: stopCommand, switches: [], values: ['backend'], argument: 'JOURNEY_ID' }],
]);

const HELP_FLAGS = ['help', 'h'];

/** The options that take a value in any command, so one given before the command's name skips it. */
const VALUE_FLAGS = new Set([...COMMANDS.values()].flatMap((command) => command.values));

/** Runs the CLI and returns its exit code; it never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const command = COMMANDS.get(commandName(argv, VALUE_FLAGS) ?? '');
    const args =
      command === undefined
        ? parseArgs(argv, BOOLEAN_FLAGS)
        : parseArgs(argv, new Set([...command.switches, ...HELP_FLAGS]), new Set(command.values));
    const name = args.positionals[0];
    if (name === undefined || name === 'help' || HELP_FLAGS.some((h) => args.flags.has(h))) {
      io.stdout(USAGE);
      return name === undefined && !args.flags.has('help') ? EXIT.unreadable : EXIT.ok;
    }
    if (command === undefined)
      throw new CliError(`unknown command "${name}"\n\n${USAGE}`, EXIT.unreadable);
    const extra = args.positionals[command.argument === undefined ? 1 : 2];
    if (extra !== undefined)
      throw new CliError(
        `unexpected argument "${extra}": ${name} takes ${command.argument === undefined ? 'none' : `one ${command.argument}`}`,
        EXIT.unreadable,
      );
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`wayfinder: ${error.message}\n`);
      return error.exitCode;
    }
    // A schema a command did not check first: still words, never zod's issues as JSON.
    if (error instanceof ZodError) {
      io.stderr(`wayfinder: ${issuesInWords(error.issues, 'the input')}\n`);
      return EXIT.unreadable;
    }
    io.stderr(
      `wayfinder: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.unreadable;
  }
}
