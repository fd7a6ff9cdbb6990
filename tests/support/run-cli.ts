import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';

export interface RunCliIo extends Partial<Pick<CliIo, 'cwd' | 'now'>> {
  /** Stands in for the disk and standard input: a file's text (as UTF-8) or its bytes. */
  readFile?: (path: string) => Promise<string | Uint8Array>;
}

/**
 * Runs the CLI in this process and returns its exit code and what it wrote; `cwd` is the
 * process's unless given, and `readFile` stands in for the disk and standard input when given, `now` for the clock.
 */
export async function runCli(
  argv: string[],
  { readFile, ...io }: RunCliIo = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: process.cwd(),
    ...io,
    ...(readFile === undefined
      ? {}
      : {
          readFile: async (path: string) => {
            const content = await readFile(path);
            return typeof content === 'string' ? new TextEncoder().encode(content) : content;
          },
        }),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}
