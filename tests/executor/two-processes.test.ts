import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEHAVIOUR_OFF } from '../../src/domain/conformance/conformance-kit.ts';
import { simulate, type Profile } from '../../src/domain/index.ts';
import { welcomeSeries } from '../../src/domain/templates/welcome-series.ts';
import { ExecutorClient } from './support/client.ts';
import { signUps, specOf } from './support/journeys.ts';
import { createTestDatabase, dropTestDatabase } from './support/postgres.ts';
import { spawnExecutor, type ExecutorProcess } from './support/spawn.ts';

const DB = `wf_exec_pair_${process.pid}`;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 9);
const PROFILES = 1500;

let databaseUrl: string;
const processes: ExecutorProcess[] = [];

beforeAll(async () => {
  databaseUrl = await createTestDatabase(DB);
});

afterAll(async () => {
  for (const p of processes) await p.stop();
  await dropTestDatabase(DB);
});

interface Stats {
  byExecutor: { executor_id: string; batches: number; profiles: number; steps: number }[];
  outbox: Record<string, number>;
}

describe('two executor processes on one database', () => {
  it('share the work, and no run is executed twice', async () => {
    const env = { BATCH_SIZE: '25', DELIVERY_LOG: '/dev/null' };
    const [a, b] = await Promise.all([
      spawnExecutor({ databaseUrl, executorId: 'pair-a', env }),
      spawnExecutor({ databaseUrl, executorId: 'pair-b', env }),
    ]);
    processes.push(a as ExecutorProcess, b as ExecutorProcess);
    const api = new ExecutorClient((a as ExecutorProcess).url);
    await api.setClock(T0);
    const spec = specOf(welcomeSeries.build(T0));
    const { profiles, events } = signUps(PROFILES, T0 + 1000);
    // Every fifth customer orders within two days: they leave at the goal.
    const orders = profiles
      .filter((_, i) => i % 5 === 0)
      .map((p, i) => ({
        id: `${p.id}:order`,
        profileId: p.id,
        name: 'order_placed',
        at: T0 + DAY + i * 1000,
      }));
    await api.putProfiles(profiles);
    await api.postEvents([...events, ...orders]);
    expect((await api.publish(spec.journey.id, spec, 'pair')).status).toBe(201);
    for (let day = 1; day <= 12; day++) await api.setClock(T0 + day * DAY);

    const stats = await api.ok<Stats>('GET', '/admin/stats');
    const by = Object.fromEntries(stats.byExecutor.map((r) => [r.executor_id, r]));
    // Both processes advanced profiles.
    expect(by['pair-a']?.profiles ?? 0).toBeGreaterThan(0);
    expect(by['pair-b']?.profiles ?? 0).toBeGreaterThan(0);
    console.log(
      `two processes: pair-a ${by['pair-a']?.steps} steps, pair-b ${by['pair-b']?.steps} steps`,
    );

    // Exactly what one simulation of the same customers predicts: every run once, every step once.
    const asProfiles: Profile[] = profiles.map((p) => ({
      id: p.id,
      attributes: p.attributes,
      events: [...events, ...orders]
        .filter((e) => e.profileId === p.id)
        .map((e) => ({ name: e.name, at: e.at }))
        .sort((x, y) => x.at - y.at),
    }));
    const predicted = simulate(spec, asProfiles, { ...BEHAVIOUR_OFF, start: T0, horizonDays: 12 });
    const counts = await api.ok<{
      entries: number;
      steps: Record<string, { entered: number; sent: number; exitedBy: unknown }>;
    }>('GET', `/journeys/${spec.journey.id}/versions/1/counts`);
    expect(counts.entries).toBe(PROFILES);
    for (const [id, step] of Object.entries(predicted.steps)) {
      expect(counts.steps[id], id).toMatchObject({
        entered: step.entered,
        sent: step.sent,
        exitedBy: step.exitedBy,
      });
    }
    const sends = Object.values(predicted.steps).reduce((n, s) => n + s.sent, 0);
    const total = Object.values(stats.outbox).reduce((n, k) => n + k, 0);
    expect(total).toBe(sends);
  }, 240_000);
});
