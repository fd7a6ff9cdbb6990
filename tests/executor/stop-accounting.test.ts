import { describe, expect, it } from 'vitest';
import { email, journeyOf, onEvent, delay } from '../../src/domain/conformance/case-builder.ts';
import { readCounts } from '../../src/executor/store/counts.ts';
import { stopJourney } from '../../src/executor/store/stop-journey.ts';
import { publishVersion } from '../../src/executor/store/versions.ts';
import { saveWorkspaceCap } from '../../src/executor/store/workspace-settings.ts';
import { at, directEngine } from './support/direct-engine.ts';
import { specOf } from './support/journeys.ts';

/**
 * A send the engine makes for a stopped journey is refused (written failed, never delivered): the
 * customer gets nothing, so it must be accounted like any refused send — not counted sent, not
 * charged to a frequency cap, its reason in the counts. The case is the one where the engine
 * runs behind the clock: the run wakes before the stop instant, reaching a send dated before the
 * stop, in a batch that runs after it.
 *
 * A first attempt passed on the old code because its engine, called without the executor's
 * start, had not loaded Liquid: every message was then refused as not rendered
 * ('engine_loading'), so neither m1 nor m2 was ever counted sent or charged, stopped or not.
 * The helper now loads it, and this test first checks that m1 is charged. What was wrong is then
 * seen: m2 counted in the step's `sent` and the day's sends, and charged to the profile's
 * `recent_messages` (the workspace cap's history) and the journey's own cap.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const engine = directEngine('stop-accounting');

/** Sign-up → email → two days → email, capped at 5 emails a week by the journey itself. */
const cappedWelcome = specOf(
  journeyOf(
    'welcome',
    'Welcome',
    [
      ['t', 'event', onEvent('signed_up')],
      ['m1', 'email', email('Hello')],
      ['d', 'delay', delay(2, 'days')],
      ['m2', 'email', email('Still there?')],
    ],
    [
      ['t', 'next', 'm1'],
      ['m1', 'next', 'd'],
      ['d', 'next', 'm2'],
    ],
    { frequencyCap: { enabled: true, max: 5, periodDays: 7, perChannel: {} } },
  ),
);

async function recentMessages(profileId: string): Promise<[number, number][]> {
  const r = await engine.pool.query<{ recent_messages: [number, number][] }>(
    'select recent_messages from profiles where profile_id = $1',
    [profileId],
  );
  return r.rows[0]?.recent_messages ?? [];
}

async function journeySends(profileId: string): Promise<[number, number][]> {
  const r = await engine.pool.query<{ state: { sends: [number, number][] } }>(
    `select state from journey_profiles where journey_id = 'welcome' and profile_id = $1`,
    [profileId],
  );
  return r.rows[0]?.state.sends ?? [];
}

describe('a send refused because its journey is stopped', () => {
  it('is not counted sent nor charged to a cap, and its reason is in the counts', async () => {
    await saveWorkspaceCap(engine.pool, {
      enabled: true,
      max: 10,
      periodDays: 7,
      perChannel: {},
    });
    await publishVersion(engine.pool, engine.lookBack, 'welcome', 'v1', cappedWelcome, T0);
    await engine.signUp(1, T0 + MINUTE, 'p');
    await engine.batch(T0 + HOUR);
    const m1At = T0 + MINUTE;
    expect(await recentMessages('p-00001')).toEqual([[m1At, 0]]);

    const stopAt = T0 + 2 * DAY + HOUR;
    await stopJourney(engine.pool, 'welcome', at(stopAt));
    // Behind the clock: the run wakes at T0 + 2 days + 1 minute, before the stop, and reaches m2.
    await engine.batch(T0 + 2 * DAY + 30 * MINUTE);
    expect((await engine.sends()).map((s) => [s.step_id, s.status, s.last_error])).toEqual([
      ['m1', 'failed', 'journey stopped'],
      ['m2', 'failed', 'journey stopped'],
    ]);

    const counts = await readCounts(engine.pool, engine.catalog, 'welcome', 1, stopAt);
    // m1 was still pending at the stop, so the stop refused it too: it reached nobody, and is
    // taken back from sent and from every cap (spec §3.5), as m2 never entered them.
    expect(counts?.steps['m1']).toMatchObject({ sent: 0 });
    expect(counts?.steps['m2']).toMatchObject({ entered: 1, sent: 0 });
    expect(counts?.notSent).toEqual({
      m1: { journey_stopped: 1, not_rendered: 0 },
      m2: { journey_stopped: 1, not_rendered: 0 },
    });
    expect(counts?.daily.reduce((n, d) => n + d.sends, 0)).toBe(0);
    expect(await recentMessages('p-00001')).toEqual([]);
    expect(await journeySends('p-00001')).toEqual([]);
  });
});
