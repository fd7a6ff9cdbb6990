import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyStatusSchema } from '../../src/domain/contract/backend-contract.ts';
import {
  profileRunsSchema,
  versionCountsSchema,
} from '../../src/domain/contract/executor-contract.ts';
import { ExecutorClient } from './support/client.ts';
import { signUps, twoEmailWelcome as welcome } from './support/journeys.ts';
import { createTestDatabase, dropTestDatabase } from './support/postgres.ts';
import { spawnExecutor, type ExecutorProcess } from './support/spawn.ts';

/**
 * Stopping a live journey (Braze "stop Canvas", Customer.io "stop campaign"): no new entries, and
 * every run in flight ends at the stop instant (reason `stopped`) without another message. The
 * stop is a row, so it holds across a crash and restart, and stopping again changes nothing.
 */
const DB = `wf_exec_stop_${process.pid}`;
const T0 = Date.UTC(2026, 4, 4, 10);
const HOUR = 3_600_000;

let databaseUrl: string;
let executor: ExecutorProcess | undefined;

beforeAll(async () => {
  databaseUrl = await createTestDatabase(DB);
});

afterAll(async () => {
  await executor?.stop();
  await dropTestDatabase(DB);
});

async function start(): Promise<ExecutorClient> {
  executor = await spawnExecutor({ databaseUrl, executorId: 'stop' });
  return new ExecutorClient(executor.url);
}

const counts = async (api: ExecutorClient, version: number) =>
  versionCountsSchema.parse(await api.ok('GET', `/journeys/welcome/versions/${version}/counts`));

describe('POST /journeys/{journeyId}/stop', () => {
  it('ends the runs in flight, takes no new entries, holds across a restart, and a new version goes live again', async () => {
    let api = await start();
    await api.setClock(T0);
    expect(await api.call('POST', '/journeys/welcome/stop')).toMatchObject({
      status: 404,
      body: { error: { code: 'not-found' } },
    });
    expect((await api.publish('welcome', welcome(), 'v1')).status).toBe(201);
    const first = signUps(3, T0 + 60_000);
    await api.putProfiles(first.profiles);
    await api.postEvents(first.events);
    await api.advance(HOUR);
    expect((await counts(api, 1)).steps['m1']).toMatchObject({ sent: 3 });
    expect((await counts(api, 1)).steps['d']).toMatchObject({ waiting: 3 });

    const stopped = await api.call('POST', '/journeys/welcome/stop');
    expect(stopped.status).toBe(200);
    const status = journeyStatusSchema.parse(stopped.body);
    expect(status).toMatchObject({ state: 'stopped', liveVersion: null });
    expect(status.stoppedAt).toBe(new Date(T0 + HOUR).toISOString());
    // Again, later: the same answer, the first stop's instant kept; the runs have ended.
    await api.advance(HOUR);
    const again = await api.call('POST', '/journeys/welcome/stop');
    expect(again.status).toBe(200);
    expect(journeyStatusSchema.parse(again.body)).toMatchObject({
      state: 'stopped',
      stoppedAt: status.stoppedAt,
      activeProfiles: 0,
    });

    const runs = profileRunsSchema.parse(
      await api.ok('GET', '/profiles/p-00001/journeys/welcome/runs'),
    );
    expect(runs.runs).toEqual([
      expect.objectContaining({ end: 'stopped', endedAt: new Date(T0 + HOUR).toISOString() }),
    ]);

    // kill -9 and start again on the same database: still stopped.
    await executor?.crash();
    api = await start();
    const late = signUps(2, T0 + 3 * HOUR, 'late');
    await api.putProfiles(late.profiles);
    await api.postEvents(late.events);
    await api.advance(3 * 24 * HOUR);
    const after = await counts(api, 1);
    expect(after.entries).toBe(3);
    expect(after.steps['m2']).toMatchObject({ entered: 0, sent: 0 });
    expect(after.steps['d']).toMatchObject({ waiting: 0 });
    expect(after.stopped).toBe(3);
    expect(
      journeyStatusSchema.parse(await api.ok('GET', '/journeys/welcome/status')),
    ).toMatchObject({ state: 'stopped', liveVersion: null, activeProfiles: 0 });

    // Publishing a new version starts the journey again: new sign-ups enter it.
    expect((await api.publish('welcome', welcome(2), 'v2')).status).toBe(201);
    const back = journeyStatusSchema.parse(await api.ok('GET', '/journeys/welcome/status'));
    expect(back).toMatchObject({ state: 'live', liveVersion: 2, stoppedAt: null });
    const next = signUps(1, T0 + 74 * HOUR + 60_000, 'next');
    await api.putProfiles(next.profiles);
    await api.postEvents(next.events);
    await api.advance(HOUR);
    expect((await counts(api, 2)).steps['m1']).toMatchObject({ sent: 1 });
  });
});
