import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../../../src/domain/conformance/case-builder.ts';
import type { SimulationResult } from '../../../src/domain/index.ts';
import { runCli } from '../../support/run-cli.ts';
import { SIGN_UP_JOURNEY } from '../../support/simulate-cli.ts';

const bin = new URL('../../../bin/wayfinder.js', import.meta.url).pathname;

const run = (argv: string[], cwd: string) => runCli(argv, { cwd });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wayfinder-cli-'));
  const profiles = Array.from({ length: 40 }, (_, i) =>
    person(`p${i}`, [['signed_up', `2025-01-0${1 + (i % 5)}T0${i % 10}:00:00Z`]]),
  );
  await writeFile(join(dir, 'journey.json'), JSON.stringify(SIGN_UP_JOURNEY));
  await writeFile(join(dir, 'profiles.json'), JSON.stringify(profiles));
  await writeFile(
    join(dir, 'off.json'),
    JSON.stringify({ email: { deliveredRate: 0, openRate: 0, clickRate: 0, conversionRate: 0 } }),
  );
  await writeFile(join(dir, 'typo.json'), JSON.stringify({ email: { deliveryRate: 0 } }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const simulateArgs = ['simulate', 'journey.json', '--profiles', 'profiles.json', '--days', '10'];

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('wayfinder simulate --start', { timeout: 120_000 }, () => {
  it('reads a start without an offset as UTC on hosts in different time zones', () => {
    const outputs = ['America/Los_Angeles', 'Asia/Kathmandu'].map((zone) => {
      const r = spawnSync(
        process.execPath,
        [bin, ...simulateArgs, '--start', '2025-01-01T00:00', '--json'],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, TZ: zone } },
      );
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    });
    expect(outputs[0]).toBe(outputs[1]);
    const result = JSON.parse(outputs[0] ?? '') as SimulationResult;
    expect(result.start).toBe(Date.UTC(2025, 0, 1));
  }, 60_000);

  it('keeps an explicit offset, and refuses what is not a date', async () => {
    const offset = await run([...simulateArgs, '--start', '2025-01-01T09:00+05:45', '--json'], dir);
    expect((JSON.parse(offset.stdout) as SimulationResult).start).toBe(Date.UTC(2025, 0, 1, 3, 15));
    const bad = await run([...simulateArgs, '--start', '2025-02-30'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--start is not a real date/);
    expect((await run([...simulateArgs, '--start', 'tomorrow'], dir)).code).toBe(2);
  });
});

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('wayfinder simulate --trace-id', { timeout: 120_000 }, () => {
  it('traces every profile named, in JSON and in the text report', async () => {
    const traced = ['--trace-id', 'p3', '--trace-id', 'p7'];
    const json = await run([...simulateArgs, '--start', '2025-01-01', ...traced, '--json'], dir);
    const result = JSON.parse(json.stdout) as SimulationResult;
    expect(result.traces.map((t) => [t.profileId, t.requested]).sort()).toEqual([
      ['p3', true],
      ['p7', true],
    ]);
    const text = await run([...simulateArgs, '--start', '2025-01-01', ...traced], dir);
    expect(text.stdout).toMatch(/^trace p3$/m);
    expect(text.stdout).toMatch(/^trace p7$/m);
    const unknown = await run([...simulateArgs, '--trace-id', 'nobody'], dir);
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toMatch(/--trace-id nobody: no such profile/);
  });
});

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('wayfinder simulate --behaviour', { timeout: 120_000 }, () => {
  it('applies the file’s assumptions to the whole run', async () => {
    const start = ['--start', '2025-01-01', '--json'];
    const usual = JSON.parse(
      (await run([...simulateArgs, ...start], dir)).stdout,
    ) as SimulationResult;
    const off = JSON.parse(
      (await run([...simulateArgs, ...start, '--behaviour', 'off.json'], dir)).stdout,
    ) as SimulationResult;
    expect(usual.channels.email?.sent).toBe(40);
    expect(usual.channels.email?.delivered).toBeGreaterThan(0);
    expect(off.channels.email?.sent).toBe(40);
    expect(off.channels.email?.delivered).toBe(0);
  });

  it('refuses a file with an unknown field, naming it', async () => {
    const r = await run([...simulateArgs, '--behaviour', 'typo.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/typo\.json: not behaviour assumptions/);
    expect(r.stderr).toMatch(/\n {2}email has unknown field deliveryRate\n/);
  });
});
