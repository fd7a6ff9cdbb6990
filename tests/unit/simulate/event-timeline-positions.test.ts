import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile, ProfileEvent } from '../../../src/domain/profiles/profile.ts';
import { EventTimeline } from '../../../src/domain/simulate/event-timeline.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { AFTER_EVENTS } from '../../../src/domain/simulate/trigger-plan.ts';

const NAMES = ['a', 'b', 'c'] as const;
const event = fc.record({
  name: fc.constantFrom(...NAMES),
  at: fc.integer({ min: 0, max: 20 }),
  props: fc.record({ n: fc.integer({ min: 0, max: 3 }) }),
});
type Test = ((e: ProfileEvent) => boolean) | null;
const TESTS: Test[] = [null, (e) => e.props?.['n'] !== 0];

/** A timeline over the columns of `real`, the events of a profile placed after another's. */
function columnTimeline(real: readonly ProfileEvent[]): EventTimeline {
  const other: Profile = {
    id: 'o',
    attributes: { consent: {}, tags: [], custom: {} },
    events: [{ name: 'c', at: 1 }],
  };
  const profile: Profile = { ...other, id: 'p', events: [...real] };
  const columns = profileColumns([other, profile]);
  const timeline = new EventTimeline();
  timeline.reset(profile);
  timeline.useColumns(columns, columns.eventStart[1] as number, columns.eventStart[2] as number);
  return timeline;
}

/** The events after position (`after`, `afterSeq`): at or after `after`, and past `afterSeq`. */
function laterThan(real: readonly ProfileEvent[], after: number, afterSeq: number) {
  return real
    .map((e, seq) => ({ e, seq }))
    .filter(({ e, seq }) =>
      afterSeq === AFTER_EVENTS ? e.at > after : e.at >= after && seq > afterSeq,
    );
}

describe('EventTimeline over columns, from a position in the history', () => {
  it('finds and counts the events after a position as a filter of the whole history does', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 12 }),
        fc.array(
          fc.record({
            after: fc.integer({ min: -1, max: 21 }),
            // Often the sequence of an event at `after` (an entry's firing), as the engine asks.
            seq: fc.oneof(fc.integer({ min: -1, max: 13 }), fc.constant(AFTER_EVENTS)),
            atSeq: fc.boolean(),
            end: fc.integer({ min: 0, max: 22 }),
            split: fc.integer({ min: 0, max: 22 }),
            lists: fc.subarray([0, 1, 2], { minLength: 1 }),
            tests: fc.array(fc.constantFrom(0, 1), { minLength: 3, maxLength: 3 }),
          }),
          { maxLength: 8 },
        ),
        (rows, asks) => {
          const real: ProfileEvent[] = [...rows].sort((x, y) => x.at - y.at);
          const timeline = columnTimeline(real);
          const names = timeline.names as readonly string[];
          for (const ask of asks) {
            const atSeq = ask.atSeq && ask.seq >= 0 && ask.seq < real.length;
            const after = atSeq ? (real[ask.seq] as ProfileEvent).at : ask.after;
            const lists = ask.lists.map((i) => NAMES[i] as string);
            const named = lists.map((n) => Uint8Array.from(names, (m) => (m === n ? 1 : 0)));
            const matches = ask.lists.map((_, j) => TESTS[ask.tests[j] as number] as Test);
            const takes = (e: ProfileEvent) =>
              lists.some((n, j) => e.name === n && (matches[j] ?? (() => true))(e));
            const found = laterThan(real, after, ask.seq).filter(
              ({ e }) => e.at < ask.end && takes(e),
            );
            const out = new Float64Array(2);
            timeline.countReal(named, matches, after, ask.seq, ask.end, ask.split, out);
            expect([...out]).toEqual([
              found.filter(({ e }) => e.at < ask.split).length,
              found.filter(({ e }) => e.at >= ask.split).length,
            ]);
            const first = laterThan(real, after, ask.seq).find(
              ({ e }) => e.at < ask.end && e.name === lists[0] && (matches[0] ?? (() => true))(e),
            );
            const at = timeline.nextReal(
              named[0] as Uint8Array,
              matches[0] ?? null,
              after,
              ask.seq,
              ask.end,
            );
            expect(at).toBe(first?.e.at ?? Infinity);
            if (first !== undefined) expect(timeline.lastSeq).toBe(first.seq);
          }
        },
      ),
      { seed: 21, numRuns: 400 },
    );
  });
});
