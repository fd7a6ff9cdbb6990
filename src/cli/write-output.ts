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
import { rmSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileErrorInWords } from './file-error-in-words.ts';
import { CliError, EXIT } from './io.ts';

/** The signals that stop a command part way: Ctrl-C, and a `kill` or a CI runner's timeout. */
const STOPPING_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `work` with `path` removed should Ctrl-C or SIGTERM stop the process meanwhile; the
 * process then exits with 128 + the signal's number (130, 143), as shells report it, and says
 * in one line if `path` could not be removed. A handler replaces Node's own ending by the
 * signal, which would leave `path` behind; it is taken off before exiting, so a second signal
 * while the exit waits for a blocked write ends the process as usual.
 */
async function removedIfStopped<T>(path: string, work: () => Promise<T>): Promise<T> {
  const stopHandling = (): void => {
    for (const signal of STOPPING_SIGNALS) process.off(signal, onSignal);
  };
  const onSignal = (signal: (typeof STOPPING_SIGNALS)[number]): void => {
    stopHandling();
    try {
      rmSync(path, { force: true });
    } catch (error) {
      process.stderr.write(
        `wayfinder: stopped; could not remove ${path}: ${fileErrorInWords(error, 'file')}\n`,
      );
    }
    process.exit(128 + osConstants.signals[signal]);
  };
  for (const signal of STOPPING_SIGNALS) process.on(signal, onSignal);
  try {
    return await work();
  } finally {
    stopHandling();
  }
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
    const beside = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    temporary = beside;
    await removedIfStopped(beside, async () => {
      await writeFile(beside, text, 'utf8');
      if (existing !== undefined) await chmod(beside, existing.mode & 0o7777);
      await rename(beside, target);
    });
  } catch (error) {
    if (temporary !== undefined) await rm(temporary, { force: true });
    throw new CliError(`${file}: cannot write: ${fileErrorInWords(error)}`, EXIT.unreadable);
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
    throw new CliError(`${out}: cannot write: ${fileErrorInWords(error)}`, EXIT.unreadable);
  }
}
