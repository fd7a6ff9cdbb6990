import { it, expect } from 'vitest';
import { email, journeyOf, onEvent } from '../../../src/domain/conformance/case-builder.ts';
import { signUps, specOf } from '../support/journeys.ts';
import { startTestExecutor } from '../support/test-executor.ts';

const T0 = Date.UTC(2026, 4, 4, 10);
it('flood', { timeout: 600_000 }, async () => {
  const spec = specOf(
    journeyOf('views', 'Views', [['t', 'event', onEvent('page_viewed')], ['m', 'email', email('Seen')]], [['t', 'next', 'm']], {
      entry: { reentry: 'after_exit', maxActivePerProfile: 1 },
    }),
  );
  const te = await startTestExecutor({ name: 'probe-flood', at: T0 });
  try {
    expect((await te.api.publish('views', spec, 'k')).status).toBe(201);
    const { profiles } = signUps(1, T0);
    await te.api.putProfiles(profiles);
    const db = await import('pg');
    const c = new db.default.Client({ connectionString: te.databaseUrl });
    await c.connect();
    for (let round = 0; round < 6; round++) {
      const events = Array.from({ length: 2000 }, (_, i) => ({
        id: `e-${round}-${i}`,
        profileId: 'p-00001',
        name: 'page_viewed',
        at: T0 + round * 60_000 + i * 10,
      }));
      let t = performance.now();
      await te.api.postEvents(events);
      const post = performance.now() - t;
      t = performance.now();
      await te.api.setClock(T0 + (round + 1) * 60_000);
      const adv = performance.now() - t;
      const size = await c.query(`select length(state::text) as n, jsonb_array_length(state->'runs') as runs from journey_profiles`);
      console.log('round', round, 'post ms', Math.round(post), 'advance ms', Math.round(adv), JSON.stringify(size.rows));
    }
    await c.end();
  } finally {
    await te.stop();
  }
});
