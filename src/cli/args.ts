import { CliError, EXIT } from './io.ts';

export interface ParsedArgs {
  positionals: string[];
  /** The last value of each flag. */
  flags: Map<string, string | true>;
  /** Every value of each flag that takes one, in order (for repeatable flags like `--trace-id`). */
  repeated: Map<string, string[]>;
}

/** `-5`, `-0.5` and `-` (standard input) follow an option as its value, not as another option. */
const looksLikeValue = (arg: string): boolean => arg === '-' || /^-\.?\d/.test(arg);

/** `--flag`, `-f` or `--flag=value`: the flag's name, and its value when joined by `=`. */
const OPTION = /^--?([a-zA-Z][\w-]*)(?:=(.*))?$/;

/**
 * The command's name: the first argument that is neither an option nor an option's value, so
 * options may come before it (`wayfinder --json validate FILE`). Only `valueFlags` take the
 * argument after them, so a typo before the name (`--jsno validate`) still finds the command,
 * whose own parse refuses it. Never throws.
 */
export function commandName(argv: string[], valueFlags: ReadonlySet<string>): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return argv[i + 1];
    const match = OPTION.exec(arg);
    if (!match) return arg;
    const next = argv[i + 1];
    const takesNext =
      match[2] === undefined &&
      valueFlags.has(match[1] as string) &&
      next !== undefined &&
      (!next.startsWith('-') || looksLikeValue(next));
    if (takesNext) i++;
  }
  return undefined;
}

/**
 * Parses `--flag`, `--flag value`, `--flag=value` and `-o value`. `booleanFlags` never take
 * a value, so `--json FILE` keeps FILE as a positional. When `valueFlags` are given, any other
 * flag is refused as unknown (a typo such as `--day 90` is never silently ignored).
 */
export function parseArgs(
  argv: string[],
  booleanFlags: ReadonlySet<string>,
  valueFlags?: ReadonlySet<string>,
): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  const set = (name: string, value: string): void => {
    flags.set(name, value);
    repeated.set(name, [...(repeated.get(name) ?? []), value]);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const match = OPTION.exec(arg);
    if (!match) {
      positionals.push(arg);
      continue;
    }
    const name = match[1] as string;
    if (valueFlags !== undefined && !booleanFlags.has(name) && !valueFlags.has(name))
      throw new CliError(
        `unknown option ${arg.split('=')[0] ?? arg} (wayfinder help lists each command's options)`,
        EXIT.unreadable,
      );
    if (match[2] !== undefined) set(name, match[2]);
    else if (booleanFlags.has(name)) flags.set(name, true);
    else {
      const value = argv[i + 1];
      if (value === undefined || (value.startsWith('-') && !looksLikeValue(value))) {
        throw new CliError(`option --${name} needs a value`, EXIT.unreadable);
      }
      set(name, value);
      i++;
    }
  }
  return { positionals, flags, repeated };
}

export function stringFlag(args: ParsedArgs, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = args.flags.get(name);
    if (typeof value === 'string') return value;
  }
  return undefined;
}

export function numberFlag(args: ParsedArgs, name: string): number | undefined {
  const raw = stringFlag(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw new CliError(`--${name} must be a number, got "${raw}"`, EXIT.unreadable);
  }
  return value;
}

/**
 * A whole-number option within `[min, max]` (`--days`, `--trace`); anything else, `1e9` or
 * `1.5` included, is refused with the range in words.
 */
export function wholeNumberFlag(
  args: ParsedArgs,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = stringFlag(args, name);
  if (raw === undefined) return undefined;
  const value = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) {
    const range = `${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
    throw new CliError(
      `--${name} must be a whole number from ${range}, got "${raw}"`,
      EXIT.unreadable,
    );
  }
  return value;
}
