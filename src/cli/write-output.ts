import {
  access,
  chmod,
  constants,
  mkdir,
  realpath,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, EXIT } from './io.ts';

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such folder';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return String(code ?? error);
}

/**
 * Writes `text` to `file` whole or not at all: into a temporary file beside it, then renamed over
 * it, so Ctrl-C or a full disk never leaves half a spec where a pipeline expects one. A symbolic
 * link is written through (the file it names is replaced, keeping its permissions, and a
 * read-only file is refused as before); what is not a plain file (`/dev/stdout`, a pipe) is
 * written to directly, since renaming over it would replace it.
 */
export async function writeOutput(file: string, cwd: string, text: string): Promise<void> {
  const named = resolve(cwd, file);
  let temporary: string | undefined;
  try {
    const target = await realpath(named).catch(() => named);
    const existing = await stat(target).catch(() => undefined);
    if (existing !== undefined && !existing.isFile()) {
      await writeFile(named, text, 'utf8');
      return;
    }
    if (existing !== undefined) await access(target, constants.W_OK);
    temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    await writeFile(temporary, text, 'utf8');
    if (existing !== undefined) await chmod(temporary, existing.mode & 0o7777);
    await rename(temporary, target);
  } catch (error) {
    if (temporary !== undefined) await rm(temporary, { force: true });
    throw new CliError(`${file}: cannot write: ${reason(error)}`, EXIT.unreadable);
  }
}

/**
 * Writes files into the folder `out` (made as needed); a folder that cannot be made or written
 * is a usage error naming it, not a stack of errno text.
 */
export async function writeFolder(
  out: string,
  cwd: string,
  files: readonly { path: string; content: string }[],
): Promise<void> {
  try {
    for (const file of files) {
      const path = resolve(cwd, out, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content, 'utf8');
    }
  } catch (error) {
    throw new CliError(`${out}: cannot write: ${reason(error)}`, EXIT.unreadable);
  }
}
