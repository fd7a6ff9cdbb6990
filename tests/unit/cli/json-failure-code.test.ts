import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';
import { simulateCli } from '../../support/simulate-cli.ts';

/**
 * A script running a command with `--json` reads why it failed from stdout by a stable code,
 * never by parsing the English on stderr: a refused file's code, or null for other failures.
 */
const windows1252Json = new Uint8Array([
  ...new TextEncoder().encode('{"name":"Ren'),
  0xe9,
  0x22,
  0x7d,
]);

describe('a --json command that fails', () => {
  it('validate: puts the refusal code in its report', async () => {
    const r = await runCli(['validate', 'journey.json', '--json'], {
      cwd: '/ci',
      readFile: async () => windows1252Json,
    });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false, code: 'json_not_utf8' });
  });

  it('validate: says code null for a failure that is not a refused file', async () => {
    const r = await runCli(['validate', 'journey.json', '--json'], {
      cwd: '/ci',
      readFile: async () => '{\n  "steps": [\n',
    });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false, code: null });
  });

  it('simulate: prints the reason and the refusal code on stdout', async () => {
    const cases = [
      [['--encoding', 'windows-1252'], 'id,name\nc1,Αθήνα\n', 'file_is_utf8'],
      [[], 'id,name\nc1,"Ann\n', 'unbalanced_quote'],
    ] as const;
    for (const [argv, csv, code] of cases) {
      const r = await simulateCli(['--profiles', 'p.csv', '--json', ...argv], { '/ci/p.csv': csv });
      expect(r.code).toBe(2);
      const failure = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(failure).toMatchObject({ code });
      expect(r.stderr).toBe(`wayfinder: ${String(failure.error)}\n`);
    }
  });

  it('simulate: says code null for a failure that is not a refused file', async () => {
    const r = await simulateCli(['--profiles', 'missing.csv', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: null });
  });
});
