import { describe, expect, it } from 'vitest';
import { readText } from '../../../src/cli/read-json.ts';
import { encodeText } from '../../support/encode-text.ts';
import { runCli } from '../../support/run-cli.ts';
import { SIGN_UP_JOURNEY, simulateCli } from '../../support/simulate-cli.ts';

/**
 * `wayfinder simulate --profiles` reads a file's bytes as the app's import does: UTF-8, UTF-16
 * by its byte-order mark, or the encoding `--encoding` names; bytes that are not text in it are
 * refused, naming the file and the line, never read as "�".
 */
const csv = 'id,name\nzoe,Zoë\nsøren,Søren\n';

/**
 * Simulates over `bytes` as profiles.csv, tracing the profile whose id is not ASCII: an id read
 * wrongly is not found, and said so on stderr.
 */
const traceSøren = (bytes: Uint8Array, argv: string[] = []) =>
  simulateCli(
    [
      '--start',
      '2025-01-01',
      '--profiles',
      'profiles.csv',
      '--trace-id',
      'søren',
      '--json',
      ...argv,
    ],
    { '/ci/profiles.csv': bytes },
  );

describe('wayfinder simulate --profiles in an encoding other than UTF-8', () => {
  it('refuses a Windows-1252 file read as UTF-8, naming file and line and the option to give', async () => {
    const r = await traceSøren(encodeText(csv, 'windows-1252'));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'not_utf8' });
    expect(r.stderr).toMatch(/^wayfinder: profiles\.csv:2: .*--encoding windows-1252/);
  });

  it('reads it with --encoding windows-1252 (any case)', async () => {
    for (const name of ['windows-1252', 'Windows-1252']) {
      const r = await traceSøren(encodeText(csv, 'windows-1252'), ['--encoding', name]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(r.stdout)).toMatchObject({ profiles: 2 });
    }
  });

  it('reads UTF-16 by its byte-order mark, and UTF-8 with one', async () => {
    for (const bytes of [
      encodeText(csv, 'utf-16le'),
      encodeText(csv, 'utf-16be'),
      encodeText(csv, 'utf-8', true),
    ]) {
      const r = await traceSøren(bytes);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(r.stdout)).toMatchObject({ profiles: 2 });
    }
  });

  it('reads UTF-16 without a byte-order mark by --encoding utf-16le or utf-16be', async () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const r = await traceSøren(encodeText(csv, encoding).subarray(2), ['--encoding', encoding]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(r.stdout)).toMatchObject({ profiles: 2 });
    }
  });

  it('refuses bytes that are not valid in the encoding given, at their line', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id\nzoe\nab'), 0xc3, 0x28, 0x0a]);
    const r = await traceSøren(bytes, ['--encoding', 'utf-8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^wayfinder: profiles\.csv:3: .*utf-8/);
    const controls = await traceSøren(new Uint8Array([0x69, 0x64, 0x0a, 0x7a, 0x0a, 0x01, 0x0a]), [
      '--encoding',
      'windows-1252',
    ]);
    expect(controls.code).toBe(2);
    expect(controls.stderr).toMatch(/^wayfinder: profiles\.csv:3: /);
  });

  it('refuses a file with UTF-8 letters after a line that is not UTF-8, at that line, in any encoding', async () => {
    const encoder = new TextEncoder();
    const mixed = new Uint8Array([
      ...encoder.encode('id,name\nann,Ann\nrenee,Ren'),
      0xe9, // "é" in Windows-1252
      ...encoder.encode('e\nsøren,Søren\n'),
    ]);
    for (const argv of [[], ['--encoding', 'windows-1252']]) {
      const r = await traceSøren(mixed, argv);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ code: 'mixed_encoding' });
      expect(r.stderr).toMatch(/^wayfinder: profiles\.csv:3: /);
      expect(r.stderr).not.toMatch(/--encoding \S/);
    }
  });

  it('refuses a UTF-8 file given a single-byte encoding, saying it is UTF-8, rather than read "Ã«"', async () => {
    const utf8 = encodeText(csv, 'utf-8');
    const r = await traceSøren(utf8, ['--encoding', 'windows-1252']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'file_is_utf8' });
    expect(r.stderr).toMatch(/^wayfinder: profiles\.csv:2: /);
    await expect(
      readText('profiles.csv', '/ci', { read: async () => utf8, encoding: 'windows-1252' }),
    ).rejects.toMatchObject({ exitCode: 2, refusal: 'file_is_utf8' });
  });

  it('refuses a UTF-8 file in any script given a single-byte encoding, rather than read "Î‘Î¸Î®Î½Î±"', async () => {
    for (const [name, encoding] of [
      ['Αθήνα', 'windows-1252'],
      ['😀', 'windows-1252'],
      ['東京', 'windows-1250'],
      ['東京', 'macintosh'],
    ] as const) {
      const utf8 = encodeText(`id,name\nc1,Zoe\nc2,${name}\n`, 'utf-8');
      await expect(
        readText('profiles.csv', '/ci', { read: async () => utf8, encoding }),
      ).rejects.toMatchObject({ exitCode: 2, refusal: 'file_is_utf8' });
    }
  });

  /** ASCII rows enough to put a line megabytes into the file. */
  const manyRows = (count: number) =>
    Array.from({ length: count }, (_, i) => `c${i},Customer number ${i}\n`).join('');
  const ROWS = 150_000;

  it('judges the whole file: a line that is not UTF-8 megabytes in is found, and read in the encoding given', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`id,name\n${manyRows(ROWS)}`),
      ...encodeText('søren,Søren\n', 'windows-1252'),
    ]);
    expect(bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    const asUtf8 = await traceSøren(bytes);
    expect(asUtf8.code).toBe(2);
    expect(asUtf8.stderr).toMatch(
      new RegExp(`^wayfinder: profiles\\.csv:${ROWS + 2}: .*--encoding windows-1252`),
    );
    const given = await traceSøren(bytes, ['--encoding', 'windows-1252']);
    expect(given).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(given.stdout)).toMatchObject({ profiles: ROWS + 1 });
  });

  it('judges the whole file: UTF-8 letters on line 2 and a Windows-1252 byte megabytes in are mixed', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`id,name\nzoe,Zoë\n${manyRows(ROWS)}renee,Ren`),
      0xe9, // "é" in Windows-1252
      0x0a,
    ]);
    for (const argv of [[], ['--encoding', 'windows-1252']]) {
      const r = await traceSøren(bytes, argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^wayfinder: profiles\\.csv:${ROWS + 3}: `));
      expect(r.stderr).not.toMatch(/--encoding \S/);
    }
  });

  it('refuses a profiles JSON file that is not UTF-8 as JSON, which is always UTF-8, with no --encoding to give', async () => {
    const encoder = new TextEncoder();
    const json = new Uint8Array([
      ...encoder.encode('[\n{"id":"ren'),
      0xe9,
      ...encoder.encode('e"}]'),
    ]);
    const files = { '/ci/profiles.json': json };
    for (const argv of [[], ['--encoding', 'windows-1252']]) {
      const r = await simulateCli(['--profiles', 'profiles.json', ...argv], files);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^wayfinder: profiles\.json:2: /);
      expect(r.stderr).not.toMatch(/--encoding \S/);
      await expect(
        readText('profiles.json', '/ci', {
          read: async () => json,
          takesEncoding: true,
          ...(argv.length > 0 ? { encoding: 'windows-1252' as const } : {}),
        }),
      ).rejects.toMatchObject({ exitCode: 2, refusal: 'json_not_utf8' });
    }
  });

  it('takes a profiles file for JSON by the same first character whatever space comes before it', async () => {
    // A Windows-1252 no-break space (A0) before "[": JSON, so refused as not UTF-8, never read in
    // Windows-1252 and parsed.
    const json = new Uint8Array([0xa0, ...new TextEncoder().encode('[{"id":"ann"}]\n')]);
    const r = await simulateCli(['--profiles', 'p.json', '--json', '--encoding', 'windows-1252'], {
      '/ci/p.json': json,
    });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ code: 'json_not_utf8' });
  });

  it('refuses an encoding it does not know, naming those it does', async () => {
    const r = await traceSøren(encodeText(csv, 'utf-8'), ['--encoding', 'latin-9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^wayfinder: option --encoding .*utf-8, utf-16le, utf-16be, windows-1252/,
    );
    expect(r.stderr).toMatch(/"latin-9"/);
  });
});

describe('wayfinder validate FILE that is not UTF-8', () => {
  it('refuses it at its line (exit 2) rather than reading "�"', async () => {
    const text = JSON.stringify(SIGN_UP_JOURNEY, null, 2).replace('Welcome', 'Bienvenue #');
    const [before = '', after = ''] = text.split('#');
    const encoder = new TextEncoder();
    const bytes = new Uint8Array([...encoder.encode(before), 0xe9, ...encoder.encode(after)]);
    const line = before.split('\n').length;
    const r = await runCli(['validate', 'journey.json'], {
      cwd: '/ci',
      readFile: async () => bytes,
    });
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`wayfinder: journey.json:${line}: `)).toBe(true);
    expect(r.stderr).not.toMatch(/--encoding/);
  });
});
