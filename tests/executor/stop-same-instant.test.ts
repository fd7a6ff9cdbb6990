import { describe, expect, it } from 'vitest';
import { email, journeyOf, onEvent } from '../../src/domain/conformance/case-builder.ts';
import { stopJourney } from '../../src/executor/store/stop-journey.ts';
import { publishVersion } from '../../src/executor/store/versions.ts';
import { saveWorkspaceCap } from '../../src/executor/store/workspace-settings.ts';
import { at, directEngine } from './support/direct-engine.ts';
import { specOf } from './support/journeys.ts';

/**
 * A stop takes its refused sends out of the cap histories, which keep `[at, channel]` only. Two
 * sends at the same instant on one channel are then equal entries: the stop must remove one per
 * refused send, whichever, and keep the other journey's.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const engine = directEngine('stop-same-instant');

/** Sign-up → email, capped by the journey itself so it keeps a history of its own. */
const hello = (id: string) =>
  specOf(
    journeyOf(
      id,
      id,
      [
        ['t', 'event', onEvent('signed_up')],
        ['m', 'email', email('Hello')],
      ],
      [['t', 'next', 'm']],
      { frequencyCap: { enabled: true, max: 5, periodDays: 7, perChannel: {} } },
    ),
  );

async function histories(profileId: string) {
  const workspace = await engine.pool.query<{ recent_messages: [number, number][] }>(
    'select recent_messages from profiles where profile_id = $1',
    [profileId],
  );
  const journeys = await engine.pool.query<{ journey_id: string; sends: [number, number][] }>(
    `select journey_id, state->'sends' as sends from journey_profiles
     where profile_id = $1 order by journey_id`,
    [profileId],
  );
  return {
    workspace: workspace.rows[0]?.recent_messages,
    journeys: Object.fromEntries(journeys.rows.map((r) => [r.journey_id, r.sends])),
  };
}

describe('stopping one of two journeys that sent at the same instant on one channel', () => {
  it("takes back the stopped journey's entry and keeps the other's", async () => {
    await saveWorkspaceCap(engine.pool, { enabled: true, max: 10, periodDays: 7, perChannel: {} });
    await publishVersion(engine.pool, engine.lookBack, 'a', 'a1', hello('a'), T0);
    await publishVersion(engine.pool, engine.lookBack, 'b', 'b1', hello('b'), T0);
    await engine.signUp(1, T0 + MINUTE, 'p');
    await engine.batch(T0 + HOUR);
    const sent = T0 + MINUTE;
    expect(await histories('p-00001')).toEqual({
      workspace: [
        [sent, 0],
        [sent, 0],
      ],
      journeys: { a: [[sent, 0]], b: [[sent, 0]] },
    });

    await stopJourney(engine.pool, 'a', at(T0 + 2 * HOUR));
    expect(await histories('p-00001')).toEqual({
      workspace: [[sent, 0]],
      journeys: { a: [], b: [[sent, 0]] },
    });
  });
});
