// The forecast's KPIs read off one replication agree with each other and with the run they come
// from, on random journeys and profiles: the cost cards per channel make the total cost, the
// ratios are those of the figures beside them, and the sends band is ordered.
import { describe, expect, it } from 'vitest';
import {
  channelCostKey,
  extractKpis,
  journeyChannels,
  sendsPerDayBand,
  totalSendsPerDay,
} from '../../../src/domain/forecast/replications.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { DAYS, forEveryCase, START } from '../simulate/random-cases.ts';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('forecast KPIs add up', { timeout: 120_000 }, () => {
  it('per replication, on random journeys, profile sets and seeds (seeded)', () => {
    forEveryCase(
      (spec, profiles, seed) => {
        const runs = [seed, seed + 1, seed + 2].map((s) =>
          simulate(spec, profiles, { seed: s, start: START, horizonDays: DAYS }),
        );
        for (const r of runs) {
          const k = extractKpis(r);
          const perChannel = journeyChannels(r).reduce(
            (a, c) => a + (k[channelCostKey(c)] ?? 0),
            0,
          );
          expect(close(perChannel, k['cost'] ?? NaN), 'channel costs make the total').toBe(true);
          const sent = Object.values(r.channels).reduce((a, c) => a + c.sent, 0);
          expect(k['messages']).toBe(sent);
          expect(totalSendsPerDay(r).reduce((a, b) => a + b, 0)).toBe(sent);
          if (r.goal === null) continue;
          expect(k['conversions']).toBe(r.goal.conversions);
          expect(k['conversionRate']).toBe(r.goal.rate);
          expect(k['revenue']).toBe(r.goal.revenue);
          const cost = k['cost'] ?? NaN;
          if (r.goal.conversions > 0)
            expect(close((k['costPerConversion'] ?? NaN) * r.goal.conversions, cost)).toBe(true);
          if (cost > 0)
            expect(close((k['returnOnSpend'] ?? NaN) * cost, r.goal.revenue)).toBe(true);
        }
        for (const day of sendsPerDayBand(runs.map(totalSendsPerDay))) {
          expect(day.p10).toBeLessThanOrEqual(day.p50);
          expect(day.p50).toBeLessThanOrEqual(day.p90);
        }
      },
      60,
      20_261_207,
    );
  });
});
