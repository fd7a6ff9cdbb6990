import {
  CHANNELS,
  behaviourAssumptionsSchema,
  channelBehaviourSchema,
  simulate,
  undatedPeriod,
  simulationOptionsSchema,
  type BehaviourAssumptions,
  type Profile,
  type SimulationOptions,
} from '../domain/index.ts';
import { textEncodingSchema, type TextEncoding } from '../domain/profiles/import/text-encoding.ts';
import { numberFlag, stringFlag, wholeNumberFlag, type ParsedArgs } from './args.ts';
import { CliError, EXIT, jsonFailure, type CliIo } from './io.ts';
import { formatSimulation } from './format-simulation.ts';
import { formatTraces } from './format-traces.ts';
import { fileIssuesInWords, issuesInWords } from './issues-in-words.ts';
import { loadSpec } from './load-journey-or-spec.ts';
import { loadProfiles } from './load-profiles.ts';
import { readJsonFile, shownName, STDIN } from './read-json.ts';

const START_FORMAT =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reads `--start`: a date (`2025-01-01`) or a date-time with or without an offset. Without an
 * offset the time is UTC, never the host's zone, so two CI machines agree.
 */
export function parseStart(text: string): string {
  const match = START_FORMAT.exec(text);
  const date = match?.[1];
  if (match === null || date === undefined) {
    throw new CliError(
      `option --start needs a date or date-time such as 2025-01-01 or 2025-01-01T09:00 (UTC unless it has an offset), got "${text}"`,
      EXIT.unreadable,
    );
  }
  const midnight = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2025-02-30 over to March: a date must read back as itself.
  if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== date)
    throw new CliError(`option --start is not a real date: "${text}"`, EXIT.unreadable);
  const at =
    match[2] === undefined ? midnight : Date.parse(`${date}T${match[2]}${match[3] ?? 'Z'}`);
  if (Number.isNaN(at))
    throw new CliError(`option --start is not a real time: "${text}"`, EXIT.unreadable);
  return new Date(at).toISOString();
}

/**
 * The period of profiles that have no events, which cannot date it (the domain's rule: today, for
 * 30 days), `--start` and `--days` kept, so it can be told on standard error. Undefined when some
 * profile has an event, so the simulator's own default (the events' span) applies.
 */
function undatedPeriodOf(
  profiles: readonly Profile[],
  start: string | undefined,
  days: number | undefined,
  io: CliIo,
): { start: string | number; horizonDays: number } | undefined {
  if (profiles.some((p) => p.events.length > 0)) return undefined;
  const today = undatedPeriod((io.now ?? Date.now)());
  return { start: start ?? today.start, horizonDays: days ?? today.horizonDays };
}

/** Reads a `--behaviour` file: the app's behaviour assumptions, per channel. */
async function loadBehaviour(
  file: string,
  cwd: string,
  read: CliIo['readFile'],
): Promise<BehaviourAssumptions> {
  const parsed = behaviourAssumptionsSchema.safeParse(await readJsonFile(file, cwd, read));
  if (!parsed.success) {
    const problems = fileIssuesInWords(parsed.error.issues).map((line) => `  ${line}`);
    // A typo is the likeliest unknown name: the names that are known, to compare it with.
    if (parsed.error.issues.some((issue) => issue.code === 'unrecognized_keys'))
      problems.push(
        `  (channels: ${CHANNELS.join(', ')}; fields: ${channelBehaviourSchema.keyof().options.join(', ')})`,
      );
    throw new CliError(
      `${shownName(file)}: not behaviour assumptions:\n${problems.join('\n')}`,
      EXIT.invalid,
    );
  }
  return parsed.data;
}

/** `--encoding NAME`: how the profiles file is encoded when its bytes do not say (no BOM). */
function encodingFlag(args: ParsedArgs): TextEncoding | undefined {
  const raw = stringFlag(args, 'encoding');
  if (raw === undefined) return undefined;
  const parsed = textEncodingSchema.safeParse(raw.toLowerCase());
  if (parsed.success) return parsed.data;
  throw new CliError(
    `option --encoding needs one of ${textEncodingSchema.options.join(', ')}, got "${raw}"`,
    EXIT.unreadable,
  );
}

async function runSimulation(args: ParsedArgs, io: CliIo): Promise<number> {
  const file = args.positionals[1];
  if (file === undefined)
    throw new CliError('simulate needs a FILE (a journey document or a spec)', EXIT.unreadable);
  const profilesFile = stringFlag(args, 'profiles', 'p');
  if (profilesFile === undefined)
    throw new CliError('simulate needs --profiles FILE', EXIT.unreadable);
  const startText = stringFlag(args, 'start');
  const start = startText === undefined ? undefined : parseStart(startText);
  const behaviourFile = stringFlag(args, 'behaviour');
  // Standard input ends once read: a second reader would find it empty and say the wrong thing.
  if ([file, profilesFile, behaviourFile].filter((f) => f === STDIN).length > 1)
    throw new CliError(
      'standard input (-) can be read once: give all but one of the files by name',
      EXIT.unreadable,
    );
  const behaviour =
    behaviourFile === undefined
      ? undefined
      : await loadBehaviour(behaviourFile, io.cwd, io.readFile);
  const { spec } = await loadSpec(file, io.cwd, io.readFile);
  const profiles = await loadProfiles(profilesFile, io.cwd, io.stderr, {
    read: io.readFile,
    encoding: encodingFlag(args),
  });
  const traceIds = args.repeated.get('trace-id') ?? [];
  const known = new Set(profiles.map((p) => p.id));
  for (const id of traceIds)
    if (!known.has(id)) io.stderr(`wayfinder: --trace-id ${id}: no such profile\n`);
  const days = wholeNumberFlag(args, 'days', 1, 36_600);
  const seed = numberFlag(args, 'seed');
  const trace = wholeNumberFlag(args, 'trace', 0, 10_000);
  const period = undatedPeriodOf(profiles, start, days, io);
  if (period !== undefined && start === undefined)
    io.stderr(
      `wayfinder: ${shownName(profilesFile)}: no profile has an event to date the period by: simulating ${period.horizonDays} days from ${new Date(period.start).toISOString().slice(0, 10)} (today, UTC); give --start DATE to choose\n`,
    );
  const options: SimulationOptions = {
    ...(start !== undefined ? { start } : {}),
    ...(days !== undefined ? { horizonDays: days } : {}),
    ...period,
    ...(seed !== undefined ? { seed } : {}),
    ...(trace !== undefined ? { traceSample: trace } : {}),
    ...(behaviour !== undefined ? { behaviour } : {}),
    ...(traceIds.length > 0 ? { traceProfileIds: traceIds } : {}),
  };
  // The flags are checked above; this catches what they let through, in words, not zod's JSON.
  const checked = simulationOptionsSchema.safeParse(options);
  if (!checked.success)
    throw new CliError(issuesInWords(checked.error.issues, 'the options'), EXIT.unreadable);
  const result = simulate(spec, profiles, options);
  if (args.flags.has('json')) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    io.stdout(formatSimulation(spec, result));
    if (result.traces.length > 0) io.stdout(formatTraces(result.traces));
  }
  return EXIT.ok;
}

/**
 * `wayfinder simulate FILE --profiles FILE [...]`. With `--json` a failure is JSON on stdout too
 * ({@link jsonFailure}), so a script reads its code; the reason also goes to stderr.
 */
export async function simulateCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  return runSimulation(args, io).catch((error: unknown) => {
    if (args.flags.has('json') && error instanceof CliError)
      io.stdout(`${JSON.stringify(jsonFailure(error), null, 2)}\n`);
    throw error;
  });
}
