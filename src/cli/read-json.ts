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

export async function readText(file: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : String(code ?? error);
    throw new CliError(`${file}: cannot read: ${why}`, EXIT.unreadable);
  }
}

export async function readJsonFile(file: string, cwd: string): Promise<unknown> {
  return parseJsonText(await readText(file, cwd), file);
}
