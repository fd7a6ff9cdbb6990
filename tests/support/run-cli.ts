import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

/**
 * Runs the CLI in this process and returns its exit code and what it wrote; `cwd` is the
 * process's unless given, and `readFile` stands in for the disk and standard input when given, `now` for the clock.
 */
export async function runCli(
  argv: string[],
  io: Partial<Pick<CliIo, 'cwd' | 'readFile' | 'now'>> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: process.cwd(),
    ...io,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}
