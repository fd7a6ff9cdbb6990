import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delay, email, journeyOf, onEvent } from '../../src/domain/conformance/case-builder.ts';
import { versionCountsSchema } from '../../src/domain/contract/executor-contract.ts';
import { signUps, specOf } from './support/journeys.ts';
import { startTestExecutor, type TestExecutor } from './support/test-executor.ts';

/**
 * A message whose template cannot be rendered for a customer (here a loop over the customer's own
 * value, run away and stopped by the render budget) is not sent (spec §5.5: "sends nothing and
 * is an executor error"): its send ends failed with the reason. Before, it went out with the raw Liquid source as its text.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
/**
 * Runs away only for customers whose `custom.n` is large: a sample customer with no values
 * renders it at once, so publishing accepts it (a template that runs away for everyone is refused
 * at publish: template-budget.test.ts), and it is stopped per send.
 */
const RUNAWAY =
  '{% assign r = (1..profile.custom.n) %}{% for a in r %}{% for b in r %}{% for c in r %}{% for d in r %}{% for e in r %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}';

let running: TestExecutor;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wayfinder-unrendered-'));
  running = await startTestExecutor({
    name: 'unrendered',
    at: T0,
    deliveryLog: join(folder, 'deliveries.log'),
  });
  const spec = specOf(
    journeyOf(
      'runaway',
      'Runaway',
      [
        ['t', 'event', onEvent('signed_up')],
        ['bad', 'email', { ...email('Hello'), body: `Hi {{ profile.name }} ${RUNAWAY}` }],
        ['d', 'delay', delay(1, 'hours')],
        ['good', 'email', email('Hello again')],
      ],
      [
        ['t', 'next', 'bad'],
        ['bad', 'next', 'd'],
        ['d', 'next', 'good'],
      ],
    ),
  );
  expect((await running.api.publish('runaway', spec, 'v1')).status).toBe(201);
});

afterAll(async () => {
  await running?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('a send whose template cannot be rendered', () => {
  it('ends failed with the reason, is never delivered, and the run goes on', async () => {
    const { profiles, events } = signUps(2, T0 + 1000, 'u');
    await running.api.putProfiles(
      profiles.map((p) => ({ ...p, attributes: { ...p.attributes, custom: { n: 50 } } })),
    );
    await running.api.postEvents(events);
    await running.api.advance(2 * 3_600_000);
    const db = new pg.Client({ connectionString: running.databaseUrl });
    await db.connect();
    try {
      const deadline = Date.now() + 60_000;
      let rows: { step_id: string; status: string; last_error: string | null }[] = [];
      for (;;) {
        rows = (
          await db.query<{ step_id: string; status: string; last_error: string | null }>(
            `select step_id, status, last_error from outbox order by step_id, profile_id`,
          )
        ).rows;
        if (
          rows.length === 4 &&
          rows.every((r) => r.status === 'delivered' || r.status === 'failed')
        )
          break;
        if (Date.now() > deadline) throw new Error(`sends still pending: ${JSON.stringify(rows)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(rows.map((r) => [r.step_id, r.status])).toEqual([
        ['bad', 'failed'],
        ['bad', 'failed'],
        ['good', 'delivered'],
        ['good', 'delivered'],
      ]);
      for (const r of rows.slice(0, 2))
        expect(r.last_error).toMatch(/^not sent: body could not be rendered: template-too-slow/);
    } finally {
      await db.end();
    }
    const log = await readFile(join(folder, 'deliveries.log'), 'utf8');
    expect(log).not.toContain('{% for');
    expect(log).toContain('Hello again');
  });

  it('is not counted as sent', async () => {
    const counts = versionCountsSchema.parse(
      await running.api.ok('GET', '/journeys/runaway/versions/1/counts'),
    );
    expect(counts.steps['bad']).toMatchObject({ entered: 2, sent: 0 });
    expect(counts.notSent?.['bad']).toEqual({ journey_stopped: 0, not_rendered: 2 });
    expect(counts.steps['good']).toMatchObject({ sent: 2 });
  });
});
