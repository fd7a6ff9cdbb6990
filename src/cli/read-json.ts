import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseJson } from '../domain/index.ts';
import {
  decodeFile,
  encodingToRead,
  type DecodedFile,
} from '../domain/profiles/import/decode-file.ts';
import { startsLikeJson } from '../domain/profiles/import/starts-like-json.ts';
import type { TextEncoding } from '../domain/profiles/import/text-encoding.ts';
import { fileErrorInWords } from './file-error-in-words.ts';
import { CliError, EXIT, type CliIo, type RefusalCode } from './io.ts';

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

/** How many bytes of a file's head say whether it is JSON. */
const JSON_HEAD_BYTES = 4096;

/**
 * Whether a file is JSON by {@link startsLikeJson}, its head read in the encoding the file would
 * be read in (loosely: a bad byte there is refused when the file is read).
 */
function looksLikeJson(bytes: Uint8Array, encoding: TextEncoding | undefined): boolean {
  const head = bytes.subarray(0, JSON_HEAD_BYTES);
  return startsLikeJson(new TextDecoder(encodingToRead(head, encoding)).decode(head));
}

/** Why a file was refused, said for the command line, with its code. */
function refusalError(
  name: string,
  decoded: Extract<DecodedFile, { ok: false }>,
  { json, takesEncoding }: { json: boolean; takesEncoding: boolean },
): CliError {
  const { rejection, encoding, encodings } = decoded;
  const where = `${name}:${rejection.row}`;
  const refused = (message: string, code: RefusalCode = rejection.reason) =>
    new CliError(message, EXIT.unreadable, code);
  // The import's sentence names the line when there is one ("Line 3 holds a NUL byte…").
  if (rejection.reason === 'binary_file') return refused(`${name}: ${rejection.message}`);
  if (rejection.reason === 'mixed_encoding')
    return refused(
      `${where}: not UTF-8, though other lines are: the file mixes encodings, and no one encoding reads it all; save it again in one (UTF-8)`,
    );
  if (rejection.reason === 'file_is_utf8')
    return refused(
      `${where}: the file is UTF-8 (this line holds UTF-8 characters), not ${encoding}, which would garble them; leave out --encoding`,
    );
  if (json && rejection.reason === 'not_utf8')
    return refused(
      `${where}: not UTF-8 text, and JSON is always UTF-8 (RFC 8259); save it as UTF-8`,
      'json_not_utf8',
    );
  const [likeliest, ...others] = encodings;
  const suggestion =
    takesEncoding && likeliest !== undefined
      ? `; give --encoding ${likeliest} if it was saved in that${others.length > 0 ? ` (it also reads as ${others.join(', ')})` : ''}`
      : '';
  return refused(`${where}: not valid ${encoding} text${suggestion}`);
}

/**
 * Reads a file's text as the app's import reads a file: a binary file is refused, and bytes that
 * are not text in the file's encoding are refused at their line, never turned into "�". JSON is
 * read as UTF-8 (or the UTF-16 its byte-order mark names) whatever encoding was chosen, as the app
 * reads it. `-` is standard input (`read` is then asked for `-`).
 */
export async function readText(
  file: string,
  cwd: string,
  { read = readFromDisk, encoding, takesEncoding = false }: TextSource = {},
): Promise<string> {
  const bytes = await readBytes(file, cwd, read);
  const json = looksLikeJson(bytes, encoding);
  const decoded = decodeFile(bytes, json ? undefined : encoding);
  if (decoded.ok) return decoded.text;
  throw refusalError(shownName(file), decoded, { json, takesEncoding });
}

export async function readJsonFile(file: string, cwd: string, read?: ReadFile): Promise<unknown> {
  return parseJsonText(await readText(file, cwd, { read }), shownName(file));
}
