import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseJson } from '../domain/index.ts';
import { decodeFile } from '../domain/profiles/import/decode-file.ts';
import type { TextEncoding } from '../domain/profiles/import/text-encoding.ts';
import { fileErrorInWords } from './file-error-in-words.ts';
import { CliError, EXIT, type CliIo } from './io.ts';

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

async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const readFromDisk: ReadFile = (path) => (path === STDIN ? readProcessStdin() : readFile(path));

export type ReadFile = NonNullable<CliIo['readFile']>;

/** How to read a file's text: from where, and in which encoding when its bytes do not say. */
export interface TextSource {
  read?: ReadFile | undefined;
  /** The encoding `--encoding` chose; undefined reads UTF-8 (or what a byte-order mark names). */
  encoding?: TextEncoding | undefined;
  /** Whether the command takes `--encoding`, so a refusal can suggest one. */
  takesEncoding?: boolean;
}

async function readBytes(file: string, cwd: string, read: ReadFile): Promise<Uint8Array> {
  try {
    return await read(file === STDIN ? STDIN : resolve(cwd, file));
  } catch (error) {
    throw new CliError(
      `${shownName(file)}: cannot read: ${fileErrorInWords(error, 'file')}`,
      EXIT.unreadable,
    );
  }
}

/**
 * Reads a file's text as the app's import reads a file: a binary file is refused, and bytes that
 * are not text in the file's encoding are refused at their line, never turned into "�". `-` is
 * standard input (`read` is then asked for `-`).
 */
export async function readText(
  file: string,
  cwd: string,
  { read = readFromDisk, encoding, takesEncoding = false }: TextSource = {},
): Promise<string> {
  const decoded = decodeFile(await readBytes(file, cwd, read), encoding);
  if (decoded.ok) return decoded.text;
  const { rejection, encodings } = decoded;
  const where = `${shownName(file)}:${rejection.row}`;
  // The import's sentence names the line when there is one ("Line 3 holds a NUL byte…").
  if (rejection.reason === 'binary_file')
    throw new CliError(`${shownName(file)}: ${rejection.message}`, EXIT.unreadable);
  if (rejection.reason === 'mixed_encoding')
    throw new CliError(
      `${where}: not UTF-8, though other lines are: the file mixes encodings, and no one encoding reads it all; save it again in one (UTF-8)`,
      EXIT.unreadable,
    );
  const [likeliest, ...others] = encodings;
  const suggestion =
    takesEncoding && likeliest !== undefined
      ? `; give --encoding ${likeliest} if it was saved in that${others.length > 0 ? ` (it also reads as ${others.join(', ')})` : ''}`
      : '';
  throw new CliError(`${where}: not valid ${decoded.encoding} text${suggestion}`, EXIT.unreadable);
}

export async function readJsonFile(file: string, cwd: string, read?: ReadFile): Promise<unknown> {
  return parseJsonText(await readText(file, cwd, { read }), shownName(file));
}
