import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bgnbdExpectedPurchases,
  bgnbdUnconditionalExpectedPurchases,
  customerLifetimeValue,
  fitClv,
  gammaGammaExpectedSpend,
  projectedClvEffect,
} from '../../../src/domain/forecast';
import { importCdnow } from '../../../src/domain/profiles/import/cdnow';
import type { Profile } from '../../../src/domain/profiles/profile';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { profiles } = importCdnow(
  readFileSync(path.resolve(repoRoot, 'public/data/cdnow/CDNOW_sample.txt'), 'utf8'),
);
const model = fitClv(profiles, { calibrationEnd: '1997-09-30' });
const bg = model.bgnbd.params;
const gg = model.gammaGamma.params;
const first = profiles[0] as Profile;
const newcomer: Profile = {
  id: 'new',
  attributes: { consent: {}, tags: [], custom: {} },
  events: [],
};

describe('customerLifetimeValue', () => {
  const customer = { x: 2, t_x: 30.43, T: 38.86, zbar: 22.35 };

  it('is expected purchases times expected spend', () => {
    const score = customerLifetimeValue(bg, gg, customer, { horizonWeeks: 39 });
    expect(score.expectedPurchases).toBeCloseTo(1.226, 2);
    expect(score.expectedSpend).toBeCloseTo(gammaGammaExpectedSpend(gg, 2, 22.35), 12);
    expect(score.value).toBeCloseTo(score.expectedPurchases * score.expectedSpend, 10);
    expect(score.probabilityAlive).toBeGreaterThan(0.5);
    expect(score.probabilityAlive).toBeLessThan(1);
  });

  it('discounts each weekly step', () => {
    const rate = 0.01;
    const score = customerLifetimeValue(bg, gg, customer, {
      horizonWeeks: 2.5,
      discountRatePerWeek: rate,
    });
    const e = (t: number): number => bgnbdExpectedPurchases(bg, t, 2, 30.43, 38.86);
    const expected =
      score.expectedSpend *
      (e(1) / (1 + rate) + (e(2) - e(1)) / (1 + rate) ** 2 + (e(2.5) - e(2)) / (1 + rate) ** 2.5);
    expect(score.value).toBeCloseTo(expected, 10);
    const plain = customerLifetimeValue(bg, gg, customer, { horizonWeeks: 52 });
    const discounted = customerLifetimeValue(bg, gg, customer, {
      horizonWeeks: 52,
      discountRatePerWeek: 0.002,
    });
    expect(discounted.value).toBeLessThan(plain.value);
    expect(discounted.value).toBeGreaterThan(0.9 * plain.value);
    expect(customerLifetimeValue(bg, gg, customer, { horizonWeeks: 0 }).value).toBe(0);
  });

  it('converts the horizon when the models run in days', () => {
    const inDays = { ...bg, alpha: bg.alpha * 7 };
    const days = { x: 2, t_x: 30.43 * 7, T: 38.86 * 7, zbar: 22.35 };
    const weekly = customerLifetimeValue(bg, gg, customer, { horizonWeeks: 26 });
    const daily = customerLifetimeValue(inDays, gg, days, { horizonWeeks: 26, timeUnitDays: 1 });
    expect(daily.value).toBeCloseTo(weekly.value, 8);
  });
});

describe('fitClv', () => {
  it('fits both models and scores any profile as of a day', () => {
    expect(model.summary).toHaveLength(2_357);
    expect(model.bgnbd.params.r).toBeCloseTo(0.243, 2);
    expect(model.gammaGamma.params.p).toBeCloseTo(6.25, 1);
    const score = model.score(first, { horizonWeeks: 39 });
    expect(score?.expectedPurchases).toBeCloseTo(1.226, 2);
    const later = model.score(first, { horizonWeeks: 39, asOf: '1998-06-30' });
    expect(later?.expectedPurchases).not.toBeCloseTo(score?.expectedPurchases ?? 0, 3);
    expect(model.score(newcomer, { horizonWeeks: 39 })).toBeUndefined();
    expect(model.score(first, { horizonWeeks: 39, asOf: '1996-01-01' })).toBeUndefined();
  });

  it('refuses a set without repeat purchases', () => {
    const once = profiles.slice(0, 50).map((p) => ({ ...p, events: p.events.slice(0, 1) }));
    expect(() => fitClv(once, { calibrationEnd: '1997-09-30' })).toThrow(/repeat purchase/);
    expect(() => fitClv([newcomer], { calibrationEnd: '1997-09-30' })).toThrow(RangeError);
  });
});

describe('projectedClvEffect', () => {
  // Profile 00021 bought twice early (x = 1, t_x = 1.71): a new purchase says a lot about them.
  const lapsed = profiles[1] as Profile;
  const options = { horizonWeeks: 52, asOf: '1997-09-30' };

  it('is exactly zero without extra purchases', () => {
    const effect = projectedClvEffect(
      model,
      profiles,
      [{ id: lapsed.id, extraPurchases: 0, extraRevenue: 0 }],
      options,
    );
    expect(effect.futureValueChange).toBe(0);
    expect(effect.totalEffect).toBe(0);
  });

  it('values an extra purchase beyond its own revenue, and half a purchase halfway', () => {
    const one = projectedClvEffect(
      model,
      profiles,
      [{ id: lapsed.id, extraPurchases: 1, extraRevenue: 15 }],
      options,
    );
    expect(one.immediateRevenue).toBe(15);
    expect(one.futureValueChange).toBeGreaterThan(5);
    expect(one.totalEffect).toBeCloseTo(15 + one.futureValueChange, 12);
    const half = projectedClvEffect(
      model,
      profiles,
      [{ id: lapsed.id, extraPurchases: 0.5, extraRevenue: 7.5 }],
      options,
    );
    expect(half.futureValueChange).toBeCloseTo(one.futureValueChange / 2, 10);
    const lost = projectedClvEffect(
      model,
      profiles,
      [{ id: lapsed.id, extraPurchases: -0.1, extraRevenue: -1.5 }],
      options,
    );
    expect(lost.futureValueChange).toBeCloseTo(-one.futureValueChange / 10, 10);
    // Losing half a purchase would cost more than this lapsed customer is worth: floored at 0.
    const gone = projectedClvEffect(
      model,
      profiles,
      [{ id: lapsed.id, extraPurchases: -0.5, extraRevenue: -7.5 }],
      options,
    );
    expect(gone.projectedValue).toBe(0);
    expect(gone.futureValueChange).toBe(-gone.baselineValue);
  });

  it('turns a first purchase into a new customer and skips unknown ids', () => {
    const effect = projectedClvEffect(
      model,
      [...profiles, newcomer],
      [
        { id: 'new', extraPurchases: 1, extraRevenue: 20 },
        { id: 'nobody', extraPurchases: 3 },
      ],
      options,
    );
    expect(effect.perProfile.map((p) => p.id)).toEqual(['new']);
    expect(effect.baselineValue).toBe(0);
    const population = gammaGammaExpectedSpend(gg, 0, 0);
    expect(effect.projectedValue).toBeCloseTo(
      bgnbdUnconditionalExpectedPurchases(bg, 52) * population,
      8,
    );
  });
});
