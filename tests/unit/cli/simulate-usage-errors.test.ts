import { describe, expect, it } from 'vitest';
import { person } from '../../../src/domain/conformance/case-builder.ts';
import { runCli } from '../../support/run-cli.ts';
import { SIGN_UP_JOURNEY, simulateCli } from '../../support/simulate-cli.ts';

/**
 * `wayfinder simulate` refusing what it cannot run: a clear sentence naming the option or the
 * file, exit 2 as for any usage error, never zod's raw issues. Files are given as text.
 */
const profiles = [person('p1', [['signed_up', '2025-01-01T09:00:00Z']])];

const simulate = (argv: string[], files: Record<string, string> = {}) =>
  simulateCli(argv, { '/ci/profiles.json': JSON.stringify(profiles), ...files });

/** Nothing zod-shaped reaches the user: no issue objects, no codes, no "expected string". */
function expectNoRawIssues(stderr: string): void {
  expect(stderr).not.toMatch(/"code"|"path"|too_small|too_big|expected string|unexpected error/);
}

describe('wayfinder simulate usage errors', () => {
  it('says an empty or blank profiles file is empty, naming it', async () => {
    for (const text of ['', '  \n\n']) {
      const r = await simulate(['--profiles', 'empty.csv'], { '/ci/empty.csv': text });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('wayfinder: empty.csv: the profiles file is empty\n');
    }
  });

  it('says a CSV without an id column has none, naming its columns', async () => {
    const r = await simulate(['--profiles', 'odd.csv'], { '/ci/odd.csv': '\n\n,\n' });
    expectNoRawIssues(r.stderr);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^wayfinder: odd\.csv: /);
  });

  it('refuses --days outside whole days 1 to 36,600 by name', async () => {
    for (const days of ['1e9', '0', '36601', '1.5', 'ten', 'Infinity']) {
      const r = await simulate(['--profiles', 'profiles.json', `--days=${days}`]);
      expectNoRawIssues(r.stderr);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `wayfinder: --days must be a whole number from 1 to 36,600, got "${days}"\n`,
      );
    }
    const most = await simulate(['--profiles', 'profiles.json', '--days=36600', '--json']);
    expect(most.code).toBe(0);
  });

  it('refuses --trace outside 0 to 10,000 and a bad --seed by name', async () => {
    for (const trace of ['-1', '10001', '2.5']) {
      const r = await simulate(['--profiles', 'profiles.json', `--trace=${trace}`]);
      expectNoRawIssues(r.stderr);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `wayfinder: --trace must be a whole number from 0 to 10,000, got "${trace}"\n`,
      );
    }
    const seed = await simulate(['--profiles', 'profiles.json', '--seed=1e999']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/^wayfinder: --seed /);
  });
});

describe('wayfinder simulate --behaviour FILE that is not behaviour assumptions', () => {
  const withBehaviour = (content: unknown) =>
    simulate(['--profiles', 'profiles.json', '--behaviour', 'rates.json'], {
      '/ci/rates.json': JSON.stringify(content),
    });

  it('names the file and each field as the file spells it, in words', async () => {
    const r = await withBehaviour({
      email: { openRate: 2, clickRate: 'high' },
      sms: { costPerSend: -1 },
      push: 5,
    });
    expectNoRawIssues(r.stderr);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'wayfinder: rates.json: not behaviour assumptions:',
        '  email.openRate must be at most 1',
        '  email.clickRate must be a number',
        '  sms.costPerSend must be at least 0',
        '  push must be an object ({…})',
        '',
      ].join('\n'),
    );
  });

  it('names an unknown channel or field and lists the known ones', async () => {
    const r = await withBehaviour({ emial: {}, email: { deliveryRate: 0 } });
    expectNoRawIssues(r.stderr);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('wayfinder: rates.json: not behaviour assumptions:');
    expect(lines.slice(1, 3).sort()).toEqual([
      '  email has unknown field deliveryRate',
      '  the file has unknown field emial',
    ]);
    expect(lines[3]).toMatch(/^ {2}\(channels: email, sms, .*; fields: deliveredRate, openRate, /);
  });

  it('says a file that is not an object must be one', async () => {
    const r = await withBehaviour([1]);
    expect(r).toMatchObject({
      code: 1,
      stderr:
        'wayfinder: rates.json: not behaviour assumptions:\n  the file must be an object ({…})\n',
    });
  });
});

describe('wayfinder simulate with a negative number after an option', () => {
  it('takes -5 as the value of --days (spaced or with =) and refuses it by range', async () => {
    for (const argv of [['--days', '-5'], ['--days=-5']]) {
      const r = await simulate(['--profiles', 'profiles.json', ...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'wayfinder: --days must be a whole number from 1 to 36,600, got "-5"\n',
      );
    }
  });

  it('still takes a negative --seed, and - as standard input for --profiles', async () => {
    const seeded = await simulate(['--profiles', 'profiles.json', '--seed', '-3', '--json']);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(JSON.parse(seeded.stdout)).toMatchObject({ seed: -3 });
    const piped = await simulate(['--profiles', '-', '--json'], { '-': JSON.stringify(profiles) });
    expect(piped.code, piped.stderr).toBe(0);
  });

  it('refuses standard input for two files, which only the first could read', async () => {
    const r = await runCli(['simulate', '-', '--profiles', '-'], {
      cwd: '/ci',
      readFile: async () => JSON.stringify(SIGN_UP_JOURNEY),
    });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^wayfinder: standard input \(-\) /);
  });

  it('still says a flag followed by another flag needs a value', async () => {
    const r = await simulate(['--profiles', '--json']);
    expect(r).toMatchObject({ code: 2, stderr: 'wayfinder: option --profiles needs a value\n' });
  });
});

describe('wayfinder simulate over profiles without events', () => {
  const eventless = JSON.stringify([person('p1', []), person('p2', [])]);
  const today = Date.UTC(2026, 11, 7);
  const at = (argv: string[]) =>
    simulateCli(
      ['--profiles', 'quiet.json', '--json', ...argv],
      { '/ci/quiet.json': eventless },
      { now: () => today + 15 * 3_600_000 },
    );

  it('simulates 30 days from today (UTC), as the app does, and says so', async () => {
    const r = await at([]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ start: today, horizonDays: 30 });
    expect(r.stderr).toBe(
      'wayfinder: quiet.json: no profile has an event to date the period by: simulating 30 days from 2026-12-07 (today, UTC); give --start DATE to choose\n',
    );
  });

  it('keeps --days, and --start silences the note', async () => {
    const days = await at(['--days', '7']);
    expect(JSON.parse(days.stdout)).toMatchObject({ start: today, horizonDays: 7 });
    expect(days.stderr).toMatch(/simulating 7 days from 2026-12-07/);
    const started = await at(['--start', '2025-01-01']);
    expect(started.stderr).toBe('');
    expect(JSON.parse(started.stdout)).toMatchObject({
      start: Date.UTC(2025, 0, 1),
      horizonDays: 30,
    });
  });
});
