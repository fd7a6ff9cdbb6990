import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { ExpectedOutcome } from '../../src/domain/conformance/conformance-kit.ts';
import type { Profile, Spec } from '../../src/domain/index.ts';
import { RENDERING_CASES, renderCases } from '../../src/domain/conformance/rendering-cases.ts';
import type { VersionCounts } from '../../src/domain/contract/executor-contract.ts';
import { startExecutor, type RunningExecutor } from '../../src/executor/executor.ts';
import { ExecutorClient } from './support/client.ts';
import { createTestDatabase, dropTestDatabase } from './support/postgres.ts';

const DAY = 86_400_000;
const DB = `wf_exec_conformance_${process.pid}`;
const readJson = async <T>(path: string): Promise<T> =>
  JSON.parse(await readFile(path, 'utf8')) as T;

let folder: string;
let executor: RunningExecutor;
let api: ExecutorClient;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wayfinder-exec-kit-'));
  executor = await startExecutor(
    {
      databaseUrl: await createTestDatabase(DB),
      // The system picks a free port: a fixed one can be held by another run on the machine.
      port: 0,
      testClock: true,
      executorId: 'conformance',
      deliveryLog: join(folder, 'deliveries.log'),
    },
    (m) => {
      if (!m.includes('listening')) console.error(m);
    },
  );
  api = new ExecutorClient(executor.url);
}, 60_000);

afterAll(async () => {
  await executor?.close();
  await dropTestDatabase(DB);
  await rm(folder, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  let stdout = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stdout += t),
    cwd: process.cwd(),
  });
  return { code, stdout };
}

/** Feeds a case to the executor, moves the clock through its window and reads back what happened. */
async function runCase(caseDir: string): Promise<ExpectedOutcome> {
  const spec = await readJson<Spec>(join(caseDir, 'spec.json'));
  const profiles = await readJson<Profile[]>(join(caseDir, 'profiles.json'));
  const window = await readJson<{ start: string; horizonDays: number }>(
    join(caseDir, 'window.json'),
  );
  const start = Date.parse(window.start);
  const end = start + window.horizonDays * DAY;
  await api.ok('POST', '/admin/reset');
  await api.setClock(start);
  await api.putProfiles(profiles);
  await api.postEvents(
    profiles.flatMap((p) =>
      p.events.map((e, i) => ({ id: `${p.id}#${i}`, profileId: p.id, ...e })),
    ),
  );
  const published = await api.publish(spec.journey.id, spec, `kit-${spec.journey.id}`);
  expect(published.status).toBe(201);
  // The window is [start, end): the last instant is end − 1 ms. Thirty days at a time.
  for (let t = start + 30 * DAY; t < end; t += 30 * DAY) await api.setClock(t);
  await api.setClock(end - 1);

  const outcome: ExpectedOutcome = { profiles: {}, steps: {} };
  for (const p of [...profiles].sort((a, b) => a.id.localeCompare(b.id))) {
    const r = await api.ok<{ control: boolean; runs: ExpectedOutcome['profiles'][string]['runs'] }>(
      'GET',
      `/profiles/${encodeURIComponent(p.id)}/journeys/${encodeURIComponent(spec.journey.id)}/runs`,
    );
    if (r.runs.length > 0)
      outcome.profiles[p.id] = {
        control: r.control,
        runs: r.runs.map(({ entryAt, trigger, steps, end: how, endedAt }) => ({
          entryAt,
          trigger,
          steps,
          end: how,
          endedAt,
        })),
      };
  }
  const counts = await api.ok<VersionCounts>(
    'GET',
    `/journeys/${encodeURIComponent(spec.journey.id)}/versions/1/counts`,
  );
  for (const id of Object.keys(counts.steps).sort()) {
    const s = counts.steps[id];
    if (s)
      outcome.steps[id] = {
        entered: s.entered,
        byBranch: s.byBranch,
        waiting: s.waiting,
        exitedBy: s.exitedBy,
      };
  }
  return outcome;
}

describe('the executor passes the conformance kit', () => {
  it('runs every case of `wayfinder conformance --out` and `--check` passes them all', async () => {
    const kit = join(folder, 'kit');
    const actual = join(folder, 'actual');
    expect((await cli(['conformance', '--out', kit])).code).toBe(0);
    const index = await readJson<{ cases: { id: string }[]; rendering?: string }>(
      join(kit, 'index.json'),
    );
    await mkdir(actual, { recursive: true });
    for (const c of index.cases) {
      const outcome = await runCase(join(kit, 'cases', c.id));
      await writeFile(join(actual, `${c.id}.json`), JSON.stringify(outcome));
    }
    // Rendering cases: the executor renders every message through the domain's Liquid renderer
    // (src/executor/engine/send-intent.ts), the one these cases exercise.
    await writeFile(
      join(actual, 'rendering.json'),
      JSON.stringify(renderCases(RENDERING_CASES), null, 2),
    );
    const check = await cli(['conformance', '--check', kit, '--actual', actual]);
    // The result is part of the test's output: cases passed and failed.
    console.log(`executor conformance:\n${check.stdout}`);
    expect(check.stdout).toMatch(
      new RegExp(`${index.cases.length + (index.rendering ? 1 : 0)} passed, 0 failed`),
    );
    expect(check.code).toBe(0);
  }, 480_000);
});
