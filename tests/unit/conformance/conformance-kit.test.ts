import { mkdtemp, readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareOutcomes,
  runReference,
  type ExpectedOutcome,
} from '../../../src/domain/conformance/conformance-kit.ts';
import { validateSpec, type Profile, type Spec } from '../../../src/domain/index.ts';
import { runCli } from '../../support/run-cli.ts';

const run = (argv: string[]) => runCli(argv);

const readJson = async <T>(path: string): Promise<T> =>
  JSON.parse(await readFile(path, 'utf8')) as T;

interface KitIndex {
  cases: { id: string; spec: string; profiles: string; window: string; expected: string }[];
}

let kit: string;
afterAll(async () => {
  await rm(dirname(kit), { recursive: true, force: true });
});
let index: KitIndex;
const expectedOf = (id: string) =>
  readJson<ExpectedOutcome>(join(kit, 'cases', id, 'expected.json'));

beforeAll(async () => {
  kit = join(await mkdtemp(join(tmpdir(), 'wayfinder-kit-')), 'kit');
  const { code, stdout } = await run(['conformance', '--out', kit]);
  expect(code).toBe(0);
  expect(stdout).toMatch(/wrote 19 conformance cases/);
  index = await readJson<KitIndex>(join(kit, 'index.json'));
}, 60_000);

describe('the conformance kit', () => {
  it('covers the seven lifecycle templates and the edge cases, with a README', async () => {
    const ids = index.cases.map((c) => c.id);
    expect(ids.filter((id) => id.startsWith('template-'))).toHaveLength(7);
    expect(ids).toContain('edge-wait-for-event-timeout');
    expect(await readFile(join(kit, 'README.md'), 'utf8')).toMatch(/conformance --check/);
  });

  it('replays through the simulator to exactly the expected outcome, case by case', async () => {
    for (const c of index.cases) {
      const spec = await readJson<Spec>(join(kit, c.spec));
      expect(validateSpec(spec), c.id).toEqual([]);
      const profiles = await readJson<Profile[]>(join(kit, c.profiles));
      const window = await readJson<{ start: string; horizonDays: number }>(join(kit, c.window));
      const expected = await readJson<ExpectedOutcome>(join(kit, c.expected));
      expect(compareOutcomes(expected, runReference(spec, profiles, window)), c.id).toEqual([]);
    }
  }, 60_000);

  it('has people entering every template case', async () => {
    for (const c of index.cases) {
      const expected = await readJson<ExpectedOutcome>(join(kit, c.expected));
      const entered = Object.values(expected.profiles).filter((p) => p.runs.length > 0).length;
      expect(entered, c.id).toBeGreaterThan(0);
    }
  });

  it('matches the hand-worked edge cases', async () => {
    const wait = await expectedOf('edge-wait-for-event-timeout');
    const waitStep = (id: string) =>
      wait.profiles[id]?.runs[0]?.steps.find((s) => s.stepId === 'w');
    expect(waitStep('on-time')).toMatchObject({
      branch: 'happened',
      leftAt: '2024-05-01T12:00:00.000Z',
    });
    expect(waitStep('late')).toMatchObject({
      branch: 'timed_out',
      leftAt: '2024-05-01T12:00:00.000Z',
    });

    const quiet = await expectedOf('edge-quiet-hours-defer');
    const sendLeft = (id: string) =>
      quiet.profiles[id]?.runs[0]?.steps.find((s) => s.stepId === 'm')?.leftAt;
    expect(sendLeft('new-york')).toBe('2024-06-03T12:00:00.000Z'); // 23:00 EDT waits for 08:00 EDT
    expect(sendLeft('tokyo')).toBe('2024-06-03T03:00:00.000Z'); // 12:00 JST is outside quiet hours

    const cooldown = await expectedOf('edge-reentry-cooldown');
    expect(cooldown.profiles['a']?.runs.map((r) => r.entryAt)).toEqual([
      '2024-05-01T10:00:00.000Z',
      '2024-05-06T10:00:00.000Z',
    ]);

    const exit = await expectedOf('edge-exit-criteria-during-wait');
    expect(exit.profiles['exits']?.runs[0]).toMatchObject({
      end: 'exit_criteria',
      endedAt: '2024-05-02T08:00:00.000Z',
    });

    const goal = await expectedOf('edge-goal-ends-journey');
    expect(goal.profiles['converts']?.runs[0]).toMatchObject({
      end: 'goal',
      endedAt: '2024-05-03T15:30:00.000Z',
    });
  });

  it('matches the hand-worked same-instant cases (spec §3.1)', async () => {
    const instant = await expectedOf('edge-same-instant-events');
    expect(instant.profiles['three-at-once']?.runs.map((r) => [r.entryAt, r.end])).toEqual([
      ['2025-01-10T00:00:00.000Z', 'completed'],
      ['2025-01-10T00:00:00.000Z', 'completed'],
      ['2025-01-10T00:00:00.000Z', 'completed'],
    ]);
    expect(instant.profiles['b-then-a']?.runs.map((r) => r.trigger)).toEqual(['tb', 'ta']);

    const active = await expectedOf('edge-same-instant-while-active');
    expect(active.profiles['two-at-once']?.runs.map((r) => [r.entryAt, r.endedAt])).toEqual([
      ['2025-01-10T00:00:00.000Z', '2025-01-10T01:00:00.000Z'],
      ['2025-01-10T01:00:00.000Z', '2025-01-10T02:00:00.000Z'],
    ]);
  });

  it('matches the hand-worked daylight-saving cases (spec §2)', async () => {
    const entry = (o: ExpectedOutcome, id: string) => o.profiles[id]?.runs[0]?.entryAt;
    const spring = await expectedOf('edge-dst-spring-forward');
    expect(entry(spring, 'new-york')).toBe('2025-03-09T07:00:00.000Z'); // 03:00 EDT
    expect(entry(spring, 'paris')).toBe('2025-03-30T01:00:00.000Z'); // 03:00 CEST
    expect(entry(spring, 'adelaide')).toBe('2025-10-04T16:30:00.000Z'); // 03:00 ACDT
    expect(entry(spring, 'lord-howe')).toBe('2025-10-04T15:30:00.000Z'); // 02:30 +11:00
    const fall = await expectedOf('edge-dst-fall-back');
    expect(entry(fall, 'new-york')).toBe('2025-11-02T05:45:00.000Z'); // 01:45 EDT
    expect(entry(fall, 'paris')).toBe('2025-10-26T00:30:00.000Z'); // 02:30 CEST
    expect(entry(fall, 'adelaide')).toBe('2025-04-05T16:00:00.000Z'); // 02:30 ACDT
    expect(entry(fall, 'lord-howe')).toBe('2025-04-05T14:45:00.000Z'); // 01:45 +11:00
  });

  it('matches the hand-worked deferred-then-dropped case (spec §4, quiet hours)', async () => {
    const o = await expectedOf('edge-quiet-hours-deferred-then-dropped');
    const run = (id: string) => o.profiles[id]?.runs[0];
    const send = (id: string) => run(id)?.steps.find((s) => s.stepId === 'm');
    expect(send('sent')).toMatchObject({ leftAt: '2025-01-11T08:00:00.000Z', branch: 'next' });
    expect(run('exit')).toMatchObject({
      end: 'exit_criteria',
      endedAt: '2025-01-10T23:00:00.000Z',
    });
    expect(send('exit')?.branch).toBeNull();
    expect(run('goal')).toMatchObject({ end: 'goal', endedAt: '2025-01-10T23:30:00.000Z' });
    expect(run('horizon')).toMatchObject({ end: 'horizon', endedAt: null });
    expect(o.steps['m']).toMatchObject({
      entered: 4,
      waiting: 1,
      exitedBy: { completed: 1, exit_criteria: 1, goal: 1 },
    });
  });

  it('checks a backend: passes its own outcomes and names every difference', async () => {
    const actual = join(kit, '..', 'actual');
    await mkdir(actual, { recursive: true });
    for (const c of index.cases) {
      await writeFile(join(actual, `${c.id}.json`), await readFile(join(kit, c.expected), 'utf8'));
    }
    const rendering = JSON.parse(await readFile(join(kit, 'rendering.json'), 'utf8')) as {
      cases: { id: string; expected: string }[];
    };
    const texts = Object.fromEntries(rendering.cases.map((c) => [c.id, c.expected]));
    await writeFile(join(actual, 'rendering.json'), JSON.stringify(texts));
    const pass = await run(['conformance', '--check', kit, '--actual', actual]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toMatch(/20 passed, 0 failed/);

    const tampered = await expectedOf('edge-wait-for-event-timeout');
    const step = tampered.profiles['late']?.runs[0]?.steps.find((s) => s.stepId === 'w');
    if (!step) throw new Error('the late profile has no wait step');
    step.branch = 'happened';
    await writeFile(join(actual, 'edge-wait-for-event-timeout.json'), JSON.stringify(tampered));
    const fail = await run(['conformance', '--check', kit, '--actual', actual]);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/FAIL {2}edge-wait-for-event-timeout\n\s+profile late:/);
    expect(fail.stdout).toMatch(/19 passed, 1 failed/);

    await writeFile(
      join(actual, 'rendering.json'),
      JSON.stringify({ ...texts, 'profile-field': 'Hi {{ profile.name }}!' }),
    );
    const wrongText = await run(['conformance', '--check', kit, '--actual', actual]);
    expect(wrongText.stdout).toMatch(/FAIL {2}rendering\n\s+profile-field: expected "Hi Ann Lee!"/);
    expect(wrongText.stdout).toMatch(/18 passed, 2 failed/);
  });
});
