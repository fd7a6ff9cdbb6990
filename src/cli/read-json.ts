import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lineAndColumn } from '../domain/text-position.ts';
import { CliError, EXIT } from './io.ts';

/** Parses JSON, turning a syntax error into "FILE:LINE:COLUMN: message". */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const offset = position !== undefined ? Number(position) : text.length;
    const { line, column } = lineAndColumn(text, offset);
    const reason = message
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)/, '');
    throw new CliError(`${file}:${line}:${column}: malformed JSON: ${reason}`, EXIT.unreadable);
  }
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
