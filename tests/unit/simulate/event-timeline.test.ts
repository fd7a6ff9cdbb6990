import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile, ProfileEvent } from '../../../src/domain/profiles/profile.ts';
import { EventTimeline } from '../../../src/domain/simulate/event-timeline.ts';
import { findEvent } from '../../../src/domain/simulate/event-match.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';

const NAMES = ['a', 'b', 'c'] as const;
const event = fc.record({
  name: fc.constantFrom(...NAMES),
  at: fc.integer({ min: 0, max: 20 }),
  props: fc.record({ n: fc.integer({ min: 0, max: 3 }) }),
});

/** The timeline as the simulator used to keep it: one list, each added event after its equals. */
function insertAfterEquals(real: readonly ProfileEvent[], added: readonly ProfileEvent[]) {
  const out = [...real];
  for (const e of added) {
    let i = out.length;
    while (i > 0 && (out[i - 1] as ProfileEvent).at > e.at) i--;
    out.splice(i, 0, e);
  }
  return out;
}

describe('EventTimeline', () => {
  it('reads as one sorted list, from objects or columns, whatever was added', () => {
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 12 }),
        fc.array(event, { maxLength: 6 }),
        fc.array(fc.tuple(fc.integer({ min: -1, max: 20 }), fc.integer({ min: 0, max: 21 }))),
        fc.constantFrom(...NAMES),
        fc.integer({ min: 1, max: 4 }),
        (realRows, added, windows, name, stopAt) => {
          const real: ProfileEvent[] = [...realRows].sort((x, y) => x.at - y.at);
          // Another profile first, so this one's events sit inside the columns.
          const other: Profile = {
            id: 'o',
            attributes: { consent: {}, tags: [], custom: {} },
            events: [{ name: 'c', at: 1 }],
          };
          const profile: Profile = { ...other, id: 'p', events: real };
          const columns = profileColumns([other, profile]);
          const expected = insertAfterEquals(real, added);
          for (const fromColumns of [false, true]) {
            // One timeline runs profile after profile: another's simulated events come first.
            const timeline = new EventTimeline();
            timeline.reset(other);
            for (const e of [...added, ...added]) timeline.add(e);
            timeline.reset(profile);
            if (fromColumns)
              timeline.useColumns(
                columns,
                columns.eventStart[1] as number,
                columns.eventStart[2] as number,
              );
            for (const e of added) timeline.add(e);
            expect(timeline.events).toEqual(expected);
            const match = (e: ProfileEvent) => e.name === name && e.props?.['n'] !== 0;
            for (const [from, to] of windows) {
              expect(timeline.find(from, to, name, match)).toBe(
                findEvent(expected, from, to, match),
              );
              const named = (e: ProfileEvent) => e.name === name;
              expect(timeline.findTime(from, to, name, named)).toBe(
                findEvent(expected, from, to, named)?.at ?? Infinity,
              );
              const either = (e: ProfileEvent) => e.name !== 'c' && e.props?.['n'] !== 1;
              expect(timeline.findAny(from, to, ['a', 'b'], either)).toBe(
                findEvent(expected, from, to, either),
              );
              if (fromColumns) {
                // By the name's column id, resolved once per columns by the caller.
                expect(timeline.findOf(from, to, timeline.nameId(name), match)).toBe(
                  findEvent(expected, from, to, match),
                );
                // By name: which event it found, a real one by its index, without reading it.
                const found = findEvent(expected, from, to, named);
                expect(timeline.findNamed(from, to, name)).toBe(found?.at ?? Infinity);
                const own = timeline.foundIndex;
                expect(timeline.foundSimulated ?? (own < 0 ? undefined : real[own])).toBe(found);
                const limit = (name: string) =>
                  name === 'a' ? Infinity : name === 'b' ? 10 : -Infinity;
                const until = Float64Array.from(columns.names, limit);
                const byTime = (e: ProfileEvent) => e.at <= limit(e.name);
                expect(timeline.findUntil(from, to, until, byTime)).toBe(
                  findEvent(expected, from, to, byTime),
                );
              }
              const all = expected.filter((e) => e.at >= from && e.at <= to && match(e)).length;
              expect(timeline.count(name, (p) => p?.['n'] !== 0, from, to, stopAt)).toBe(
                Math.min(all, stopAt),
              );
              const allNamed = expected.filter(
                (e) => e.at >= from && e.at <= to && e.name === name,
              ).length;
              expect(timeline.count(name, null, from, to, stopAt)).toBe(Math.min(allNamed, stopAt));
            }
          }
        },
      ),
      { seed: 20, numRuns: 300 },
    );
  });
});
