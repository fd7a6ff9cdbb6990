import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../../bin/wayfinder.js', import.meta.url).pathname;

/**
 * Runs the real binary with its standard output closed before it writes (as `| head -1` does
 * once head has its line), and resolves with its exit code and standard error.
 */
function runWithClosedStdout(argv: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed at once, long before the CLI has loaded: every write it makes meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

// Spawns node + tsx: seconds on a loaded CI machine, so a generous limit of its own.
describe('wayfinder with its standard output closed (| head -1)', { timeout: 120_000 }, () => {
  it('exits quietly with the command’s own code, no EPIPE stack trace', async () => {
    const schema = await runWithClosedStdout(['schema']);
    expect(schema.stderr).toBe('');
    expect(schema.code).toBe(0);
    const help = await runWithClosedStdout(['help']);
    expect(help).toEqual({ code: 0, stderr: '' });
  });

  it('keeps its own exit code when standard error is closed too (2>&1 | head -1)', async () => {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'validate', 'no-such-file.json'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.destroy();
      child.stderr.destroy();
      child.on('error', reject);
      child.on('close', resolve);
    });
    expect(code).toBe(2);
  });
});
