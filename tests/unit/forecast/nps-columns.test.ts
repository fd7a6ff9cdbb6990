import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeNps, npsFromColumns, npsFromEvents } from '../../../src/domain/forecast/nps.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { concatColumns, profileColumns } from '../../../src/domain/simulate/profile-columns.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);
const generated = generateProfiles({ count: 600, seed: 7, start: NOW - 200 * DAY, end: NOW });

/** A score as survey data may hold it: valid, out of range, a numeric string, text or missing. */
const rawScore = fc.oneof(
  fc.integer({ min: -2, max: 12 }),
  fc.integer({ min: 0, max: 10 }).map(String),
  fc.constantFrom('n/a', '', null, true),
  fc.constant(undefined),
);

/** Profiles with answers (and other events) at any time of the last 200 days. */
const profilesWithAnswers = fc
  .array(
    fc.array(
      fc.record({
        name: fc.constantFrom('nps_response', 'purchase', 'survey'),
        at: fc.integer({ min: NOW - 200 * DAY, max: NOW }),
        score: rawScore,
      }),
      { maxLength: 6 },
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((histories) =>
    histories.map((events, i): Profile => ({
      ...(generated[i] as Profile),
      events: events
        .sort((a, b) => a.at - b.at)
        .map((e) => ({
          name: e.name,
          at: e.at,
          ...(e.score === undefined ? {} : { props: { score: e.score } }),
        })),
    })),
  );

const window = fc.record({
  from: fc.option(fc.integer({ min: NOW - 200 * DAY, max: NOW }), { nil: undefined }),
  to: fc.option(fc.integer({ min: NOW - 200 * DAY, max: NOW }), { nil: undefined }),
});

describe('historical NPS over profiles as columns', () => {
  it('equals the NPS of the same profiles as objects, whatever the answers and the window (property)', () => {
    fc.assert(
      fc.property(profilesWithAnswers, window, (profiles, w) => {
        const options = {
          ...(w.from === undefined ? {} : { from: w.from }),
          ...(w.to === undefined ? {} : { to: w.to }),
        };
        expect(npsFromColumns(profileColumns(profiles), options)).toEqual(
          npsFromEvents(profiles, options),
        );
      }),
      { seed: 11, numRuns: 200 },
    );
  });

  it('adds up over parts of a set, joined or merged, to the NPS of the whole (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: generated.length - 1 }), { maxLength: 5 }),
        (cuts) => {
          const bounds = [0, ...cuts.sort((a, b) => a - b), generated.length];
          const parts = bounds
            .slice(1)
            .map((to, i) => profileColumns(generated.slice(bounds[i], to)));
          const whole = npsFromEvents(generated);
          expect(whole.responses).toBeGreaterThan(0);
          expect(mergeNps(parts.map((part) => npsFromColumns(part)))).toEqual(whole);
          expect(npsFromColumns(concatColumns(parts))).toEqual(whole);
        },
      ),
      { seed: 12, numRuns: 30 },
    );
  });

  it('builds only the profiles that answered', () => {
    const columns = profileColumns(generated);
    const built: number[] = [];
    const counted = npsFromColumns({
      ...columns,
      profile: (i) => {
        built.push(i);
        return columns.profile(i);
      },
    });
    const answered = generated.flatMap((p, i) =>
      p.events.some((e) => e.name === 'nps_response') ? [i] : [],
    );
    expect(built).toEqual(answered);
    expect(answered.length).toBeLessThan(generated.length / 2);
    expect(counted.responses + counted.invalid).toBeGreaterThanOrEqual(answered.length);
  });
});
