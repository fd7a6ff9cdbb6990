import { CliError, EXIT } from './io.ts';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/**
 * Parses `--flag`, `--flag value`, `--flag=value` and `-o value`. `booleanFlags` never take
 * a value, so `--json FILE` keeps FILE as a positional.
 */
export function parseArgs(argv: string[], booleanFlags: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const match = /^--?([a-zA-Z][\w-]*)(?:=(.*))?$/.exec(arg);
    if (!match) {
      positionals.push(arg);
      continue;
    }
    const name = match[1] as string;
    if (match[2] !== undefined) flags.set(name, match[2]);
    else if (booleanFlags.has(name)) flags.set(name, true);
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) {
        throw new CliError(`option --${name} needs a value`, EXIT.unreadable);
      }
      flags.set(name, value);
      i++;
    }
  }
  return { positionals, flags };
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
    throw new CliError(`option --${name} needs a number, got "${raw}"`, EXIT.unreadable);
  }
  return value;
}
