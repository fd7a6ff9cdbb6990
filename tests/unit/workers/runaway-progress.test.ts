import { describe, expect, it } from 'vitest';
import type { SimulationWorkerEvent } from '../../../src/workers/simulation/simulation-protocol.ts';
import { hostSimulation } from '../../../src/workers/simulation/simulation-host.ts';
import { at, delay, event, person, specOf } from '../simulate/helpers.ts';

const PROFILES = 5_000;
/** Each look at the clock moves it 50 ms: a turn of 250 ms is a handful of checks. */
const STEP_MS = 50;

/** A delay of one minute looping back through an if/else: every profile runs until stopped. */
const loop = specOf(
  [
    ['t', 'event', event('signed_up')],
    ['d', 'delay', delay(1, 'minutes')],
    ['c', 'if_else', { condition: { type: 'group', op: 'and', rules: [] } }],
  ],
  [
    ['t', 'next', 'd'],
    ['d', 'next', 'c'],
    ['c', 'yes', 'd'],
  ],
);
const profiles = Array.from({ length: PROFILES }, (_, i) =>
  person(`p${i}`, [['signed_up', '2025-01-01T00:00:00Z']]),
);

describe('the simulation worker on a runaway journey', () => {
  it('reports progress part-way through its profiles and stops on cancel', async () => {
    const events: SimulationWorkerEvent[] = [];
    let deliver: (event: SimulationWorkerEvent) => void = () => {};
    const scope = {
      onmessage: null as ((event: MessageEvent) => void) | null,
      postMessage: (message: unknown) => deliver(message as SimulationWorkerEvent),
    };
    let now = 0;
    hostSimulation(scope, undefined, () => (now += STEP_MS));
    const ended = new Promise<SimulationWorkerEvent>((resolve) => {
      deliver = (e) => {
        events.push(e);
        // Cancel as soon as the first progress arrives, as the Cancel button would.
        if (e.type === 'progress' && events.length === 1)
          scope.onmessage?.({ data: { type: 'cancel' } } as MessageEvent);
        if (e.type !== 'progress') resolve(e);
      };
    });
    scope.onmessage?.({
      data: {
        type: 'run',
        spec: loop,
        profiles,
        options: { start: at('2025-01-01T00:00:00Z'), horizonDays: 90, seed: 1 },
        partition: 0,
      },
    } as MessageEvent);
    expect((await ended).type).toBe('cancelled');
    const first = events[0];
    expect(first?.type).toBe('progress');
    // Progress came after a turn of (simulating) time — here a few checks of 32 profiles — not
    // after a fixed count of profiles.
    expect(first?.type === 'progress' ? first.done : PROFILES).toBeLessThanOrEqual(32 * 6);
  }, 60_000);
});
