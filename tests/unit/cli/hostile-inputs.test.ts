import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.ts';

/**
 * Files a newcomer may hand the CLI by mistake or by accident: each ends in one clear line on
 * stderr naming the file (and the line when there is one) and exit 2, never a stack trace.
 */
const examples = new URL('../../../examples/', import.meta.url);
let dir: string;
const run = (argv: string[]) => runCli(argv, { cwd: dir });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wayfinder-cli-hostile-'));
  await mkdir(join(dir, 'a-folder'));
  await writeFile(
    join(dir, 'journey.json'),
    await readFile(new URL('welcome-series.journey.json', examples)),
  );
  const spec = JSON.parse(
    await readFile(new URL('welcome-series.spec.json', examples), 'utf8'),
  ) as Record<string, unknown>;
  await writeFile(join(dir, 'newer.spec.json'), JSON.stringify({ ...spec, specVersion: '9.0' }));
  await writeFile(join(dir, 'empty.json'), '');
  await writeFile(join(dir, 'photo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One line on stderr, starting with `prefix`; exit 2 and nothing on stdout. */
function expectRefused(r: { code: number; stdout: string; stderr: string }, prefix: string): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.startsWith(`wayfinder: ${prefix}`), r.stderr).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

const simulateOver = (profiles: string) =>
  run(['simulate', 'journey.json', '--profiles', profiles, '--start', '2025-01-01']);

describe('wayfinder given files that are not what it reads', () => {
  it('says a folder is a folder, read or written, in one wording', async () => {
    for (const argv of [
      ['validate', 'a-folder'],
      ['compile', 'a-folder'],
      ['simulate', 'a-folder', '--profiles', 'journey.json'],
      ['simulate', 'journey.json', '--profiles', 'a-folder'],
    ])
      expect(await run(argv)).toEqual({
        code: 2,
        stdout: '',
        stderr: 'wayfinder: a-folder: cannot read: is a folder\n',
      });
  });

  it('refuses an empty file, a binary file and a spec from a newer version', async () => {
    expectRefused(await run(['validate', 'empty.json']), 'empty.json:1:1: ');
    expectRefused(await run(['validate', 'photo.png']), 'photo.png: ');
    expectRefused(await simulateOver('photo.png'), 'photo.png: ');
    expectRefused(await run(['validate', 'newer.spec.json']), 'newer.spec.json: ');
  });
});

describe('wayfinder simulate --profiles CSV files as spreadsheets write them', () => {
  it('refuses a quote never closed once, at its line, not as a rejected row', async () => {
    await writeFile(join(dir, 'quote.csv'), 'id,name\np1,Jo\np2,"unclosed\np3,x\n');
    expectRefused(await simulateOver('quote.csv'), 'quote.csv:3: ');
  });

  it('reads a byte-order mark, CRLF lines and quotes inside quoted fields', async () => {
    await writeFile(
      join(dir, 'excel.csv'),
      '\ufeffid,name\r\np1,"Smith, ""Jo"""\r\np2,"two\r\nlines"\r\n',
    );
    const r = await run([
      'simulate',
      'journey.json',
      '--profiles',
      'excel.csv',
      '--start',
      '2025-01-01',
      '--trace-id',
      'p2',
      '--json',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ profiles: 2 });
  });

  it('reads a __proto__ or constructor column as any other', async () => {
    await writeFile(join(dir, 'proto.csv'), 'id,__proto__,constructor\np1,x,y\n');
    const r = await run([
      'simulate',
      'journey.json',
      '--profiles',
      'proto.csv',
      '--start',
      '2025-01-01',
      '--json',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ profiles: 1 });
  });

  it('names rejected rows in a warning and runs the rest', async () => {
    await writeFile(join(dir, 'one-bad.csv'), 'id,signup_date\np1,2025-01-01\np2,not a date\n');
    const r = await simulateOver('one-bad.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'wayfinder: one-bad.csv: 1 row rejected, left out of the run',
      expect.stringMatching(/^ {2}row 3: /) as string,
    ]);
  });
});
