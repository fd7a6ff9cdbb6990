import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  unlinkSync,
} from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../src/domain/index.ts';

const bin = new URL('../../../bin/wayfinder.js', import.meta.url).pathname;

/** A journey whose spec is far larger than a pipe holds (64 KiB), so writing it takes a while. */
function largeJourney(): string {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (template === undefined) throw new Error('welcome-series template missing');
  const document = template.build(Date.UTC(2026, 0, 1));
  for (const step of document.steps)
    if (step.kind === 'email') step.config = { ...step.config, body: 'x'.repeat(90_000) };
  return JSON.stringify(document);
}

/** Waits until the pipe read through `fd` (opened non-blocking) has something in it. */
async function firstBytes(fd: number): Promise<void> {
  const buffer = Buffer.alloc(1);
  for (;;) {
    try {
      if (readSync(fd, buffer) > 0) return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
    await sleep(20);
  }
}

async function gone(path: string): Promise<void> {
  while (existsSync(path)) await sleep(20);
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wayfinder-cli-signal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Compiles a journey from standard input to spec.json and stops the CLI with `signal` while it
 * writes. The temporary file it writes is made a named pipe beforehand, read by nobody past its
 * first byte: the write is then certainly under way, and blocked, when the signal comes. Once the
 * pipe is removed the pipe's reader goes too, ending the blocked write (Node's exit waits for it).
 * With `unremovable`, a folder takes the pipe's name once the write is under way, so the CLI
 * cannot remove it; the reader then goes once the CLI has said so. With `thenAgain`, that signal
 * follows while the exit still waits for the write (a second Ctrl-C), the reader kept for 10 s.
 */
async function stopWhileWriting(
  signal: NodeJS.Signals,
  { unremovable = false, thenAgain }: { unremovable?: boolean; thenAgain?: NodeJS.Signals } = {},
) {
  const child = spawn(process.execPath, [bin, 'compile', '-', '-o', 'spec.json'], {
    cwd: dir,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, by) => resolve({ code, signal: by }));
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (stderr += text));
  const said = async (): Promise<void> => {
    while (stderr === '') await sleep(20);
  };
  const temporary = join(dir, `.spec.json.${String(child.pid)}.tmp`);
  execFileSync('mkfifo', [temporary]);
  const reader = openSync(temporary, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    child.stdin.end(largeJourney());
    await firstBytes(reader);
    if (unremovable) {
      unlinkSync(temporary);
      mkdirSync(temporary);
    }
    child.kill(signal);
    await Promise.race([unremovable ? said() : gone(temporary), exited]);
    if (thenAgain !== undefined) {
      child.kill(thenAgain);
      await Promise.race([exited, sleep(10_000)]);
    }
  } finally {
    closeSync(reader);
  }
  return { ...(await exited), stderr };
}

// Spawns node + tsx: seconds on a loaded CI machine, so a generous limit of its own.
describe('wayfinder compile -o FILE stopped while it writes', { timeout: 120_000 }, () => {
  it('removes its temporary file on Ctrl-C and exits 130', async () => {
    const stopped = await stopWhileWriting('SIGINT');
    expect(stopped).toEqual({ code: 130, signal: null, stderr: '' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('still exits 130, saying so in one line, when its temporary file cannot be removed', async () => {
    const stopped = await stopWhileWriting('SIGINT', { unremovable: true });
    expect(stopped).toMatchObject({ code: 130, signal: null });
    expect(stopped.stderr).toMatch(/^wayfinder: [^\n]+\n$/);
    expect(await readdir(dir)).not.toContain('spec.json');
  });

  it('ends at once on a second signal while its exit waits for the write', async () => {
    const stopped = await stopWhileWriting('SIGINT', { thenAgain: 'SIGTERM' });
    expect(stopped).toEqual({ code: null, signal: 'SIGTERM', stderr: '' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes its temporary file on SIGTERM and exits 143', async () => {
    const stopped = await stopWhileWriting('SIGTERM');
    expect(stopped).toEqual({ code: 143, signal: null, stderr: '' });
    expect(await readdir(dir)).toEqual([]);
  });
});
