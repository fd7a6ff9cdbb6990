import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseJson } from '../domain/index.ts';
import { CliError, EXIT } from './io.ts';

/** Parses JSON, turning a syntax problem into "FILE:LINE:COLUMN: malformed JSON: reason". */
export function parseJsonText(text: string, file: string): unknown {
  const parsed = parseJson(text);
  if (parsed.ok) return parsed.value;
  const { line, column, message } = parsed.problem;
  throw new CliError(`${file}:${line}:${column}: malformed JSON: ${message}`, EXIT.unreadable);
}

/** The file name that means standard input, as in most Unix tools. */
export const STDIN = '-';

/** How a file is named in messages: `<stdin>` for standard input. */
export const shownName = (file: string): string => (file === STDIN ? '<stdin>' : file);

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const readFromDisk = (path: string): Promise<string> =>
  path === STDIN ? readProcessStdin() : readFile(path, 'utf8');

/** Reads a file's text; `-` is standard input (`read` is then asked for `-`). */
export async function readText(
  file: string,
  cwd: string,
  read: (path: string) => Promise<string> = readFromDisk,
): Promise<string> {
  try {
    return await read(file === STDIN ? STDIN : resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : String(code ?? error);
    throw new CliError(`${shownName(file)}: cannot read: ${why}`, EXIT.unreadable);
  }
}

export async function readJsonFile(
  file: string,
  cwd: string,
  read?: (path: string) => Promise<string>,
): Promise<unknown> {
  return parseJsonText(await readText(file, cwd, read), shownName(file));
}
