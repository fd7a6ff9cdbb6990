import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';

/** `validate --json` is for machines: even an unreadable file gives them a JSON report. */
const files: Record<string, string> = {
  '/ci/broken.json': '{\n  "steps": [\n',
  '/ci/newer.json': JSON.stringify({ specVersion: '9.0', journey: { id: 'j' }, steps: {} }),
};
const run = (file: string) =>
  runCli(['validate', file, '--json'], {
    cwd: '/ci',
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
  });

describe('wayfinder validate --json on input it cannot read', () => {
  it('prints a JSON report with the reason (exit 2), and the reason on stderr too', async () => {
    for (const file of ['missing.json', 'broken.json', 'newer.json']) {
      const r = await run(file);
      expect(r.code).toBe(2);
      const report = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(report).toMatchObject({ file, kind: null, valid: false, diagnostics: [] });
      expect(typeof report.error).toBe('string');
      expect(r.stderr).toBe(`wayfinder: ${String(report.error)}\n`);
    }
  });
});
