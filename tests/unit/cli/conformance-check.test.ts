import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';

let dir: string;
const run = (argv: string[]) => runCli(argv, { cwd: dir });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wayfinder-cli-kit-'));
  expect((await run(['conformance', '--out', 'kit'])).code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The `FAIL`/`pass` lines of a check, by case id. */
function verdicts(stdout: string): Map<string, string> {
  const lines = stdout.split('\n').filter((l) => /^(pass|FAIL) {2}/.test(l));
  return new Map(lines.map((l) => [l.slice(6), l.slice(0, 4)]));
}

// The kit is built by the reference simulator: seconds here, a limit of its own.
describe(
  'wayfinder conformance --check of a backend part way through the kit',
  { timeout: 60_000 },
  () => {
    it('fails each case without an outcome on its own, and still compares the others', async () => {
      const index = JSON.parse(await readFile(join(dir, 'kit', 'index.json'), 'utf8')) as {
        cases: { id: string; expected: string }[];
      };
      const [first, second] = index.cases;
      if (first === undefined || second === undefined) throw new Error('the kit has no cases');
      await mkdir(join(dir, 'actual'));
      await writeFile(
        join(dir, 'actual', `${first.id}.json`),
        await readFile(join(dir, 'kit', first.expected)),
      );
      await writeFile(join(dir, 'actual', `${second.id}.json`), 'null');
      const r = await run(['conformance', '--check', 'kit', '--actual', 'actual']);
      expect(r.code).toBe(1);
      const seen = verdicts(r.stdout);
      expect(seen.get(first.id)).toBe('pass');
      expect(seen.get(second.id)).toBe('FAIL');
      expect(seen.get('rendering')).toBe('FAIL');
      expect(seen.size).toBe(index.cases.length + 1);
    });

    it('fails a case whose outcome is malformed JSON or a folder on its own', async () => {
      const index = JSON.parse(await readFile(join(dir, 'kit', 'index.json'), 'utf8')) as {
        cases: { id: string; expected: string }[];
      };
      const [first, second, third] = index.cases;
      if (first === undefined || second === undefined || third === undefined)
        throw new Error('the kit has too few cases');
      await mkdir(join(dir, 'malformed'));
      await writeFile(
        join(dir, 'malformed', `${first.id}.json`),
        await readFile(join(dir, 'kit', first.expected)),
      );
      await writeFile(join(dir, 'malformed', `${second.id}.json`), '{"profiles": ');
      await mkdir(join(dir, 'malformed', `${third.id}.json`));
      const r = await run(['conformance', '--check', 'kit', '--actual', 'malformed']);
      expect(r).toMatchObject({ code: 1, stderr: '' });
      const seen = verdicts(r.stdout);
      expect(seen.get(first.id)).toBe('pass');
      expect(seen.get(second.id)).toBe('FAIL');
      expect(seen.get(third.id)).toBe('FAIL');
      expect(seen.size).toBe(index.cases.length + 1);
    });

    it('refuses an outcomes folder that does not exist (exit 2), naming it', async () => {
      const r = await run(['conformance', '--check', 'kit', '--actual', 'not-there']);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: 'wayfinder: not-there: cannot read: no such folder\n',
      });
    });
  },
);
