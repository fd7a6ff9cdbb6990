import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bgnbdExpectedPurchases,
  bgnbdUnconditionalExpectedPurchases,
  defaultCalibrationEnd,
  holdoutCheck,
  rfmSummary,
} from '../../../src/domain/forecast';
import { importCdnow } from '../../../src/domain/profiles/import/cdnow';
import type { Profile } from '../../../src/domain/profiles/profile';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { profiles } = importCdnow(
  readFileSync(path.join(repoRoot, 'public/data/cdnow/CDNOW_sample.txt'), 'utf8'),
);
const PUBLISHED = { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 };
const DAY = 86_400_000;

function customer(id: string, days: string[]): Profile {
  const base = profiles[0];
  if (!base) throw new Error('no profile');
  return {
    ...base,
    id,
    events: days.map((d) => ({
      name: 'order_placed',
      at: Date.parse(`${d}T12:00:00Z`),
      props: { amount: 10 },
    })),
  };
}

describe('holdoutCheck on the CDNOW sample (calibration to 1997-09-30, holdout to 1998-06-30)', () => {
  const check = holdoutCheck(PUBLISHED, profiles, '1997-09-30', '1998-06-30');

  it('counts the 1,882 repeat purchases of the 39-week holdout and the model’s expectation', () => {
    expect(check.customers).toBe(2_357);
    expect(check.holdoutWeeks).toBeCloseTo(39, 10);
    expect(check.actualHoldoutPurchases).toBe(1_882);
    // FHL 2005 (Figure 3): the model tracks the holdout closely; the sum of E[Y(39)|x,t_x,T].
    const summary = rfmSummary(profiles, { calibrationEnd: '1997-09-30' });
    const expected = summary.reduce(
      (s, r) => s + bgnbdExpectedPurchases(PUBLISHED, 39, r.x, r.t_x, r.T),
      0,
    );
    expect(check.predictedHoldoutPurchases).toBeCloseTo(expected, 6);
  });

  it('tracks 78 weeks whose weekly figures add up to the cumulative ones', () => {
    expect(check.tracking).toHaveLength(78);
    let actual = 0;
    let predicted = 0;
    for (const week of check.tracking) {
      actual += week.actual;
      predicted += week.predicted;
      expect(week.cumulativeActual).toBe(actual);
      expect(week.cumulativePredicted).toBeCloseTo(predicted, 6);
    }
    const last = check.tracking.at(-1);
    expect(last?.cumulativeActual).toBe(2_457 + 1_882);
    // The cumulative forecast at the calibration end is close to the 2,457 repeats it was fitted on.
    const atCalibrationEnd = check.tracking.filter((w) => !w.holdout).at(-1);
    expect(Math.abs((atCalibrationEnd?.cumulativePredicted ?? 0) / 2_457 - 1)).toBeLessThan(0.03);
    expect(check.tracking.filter((w) => w.holdout)).toHaveLength(39);
  });

  it('gives conditional expectations by calibration repeat purchases, 7+ gathered', () => {
    expect(check.conditional.map((r) => r.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(check.conditional.at(-1)?.orMore).toBe(true);
    expect(check.conditional.reduce((s, r) => s + r.customers, 0)).toBe(2_357);
    // The published figure: 1,411 customers with no repeat purchase in calibration.
    expect(check.conditional[0]?.customers).toBe(1_411);
    const totalActual = check.conditional.reduce((s, r) => s + r.actual * r.customers, 0);
    expect(totalActual).toBeCloseTo(1_882, 6);
    // More calibration purchases, more holdout purchases: both actual and predicted rise.
    for (let i = 1; i < check.conditional.length; i++) {
      expect(check.conditional[i]?.predicted).toBeGreaterThan(
        check.conditional[i - 1]?.predicted ?? 0,
      );
    }
  });
});

describe('holdoutCheck by hand', () => {
  const params = { r: 1, alpha: 2, a: 0.5, b: 3 };
  const people = [
    customer('a', ['2020-01-01', '2020-01-05', '2020-01-20', '2020-02-10']),
    customer('b', ['2020-01-08']),
    customer('c', ['2020-03-01']), // first purchase after the calibration end: not in the cohort
  ];
  const check = holdoutCheck(params, people, '2020-01-28', '2020-02-11');

  it('keeps only customers who bought by the calibration end and counts repeat days per week', () => {
    expect(check.customers).toBe(2);
    expect(check.actualHoldoutPurchases).toBe(1);
    expect(check.tracking.map((w) => w.actual)).toEqual([1, 0, 1, 0, 0, 1]);
    expect(check.tracking.map((w) => w.holdout)).toEqual([false, false, false, false, true, true]);
    // 2020-01-01 to 2020-02-11 is 42 days: six full weeks.
    expect(check.tracking.map((w) => w.days)).toEqual([7, 7, 7, 7, 7, 7]);
  });

  it('predicts each customer from their own first purchase', () => {
    const endOfWeek1 = 6 / 7; // a on day 6 of its life; b first buys on day 7 (week 2)
    expect(check.tracking[0]?.cumulativePredicted).toBeCloseTo(
      bgnbdUnconditionalExpectedPurchases(params, endOfWeek1),
      10,
    );
    const endOfWeek2 =
      bgnbdUnconditionalExpectedPurchases(params, 13 / 7) +
      bgnbdUnconditionalExpectedPurchases(params, 6 / 7);
    expect(check.tracking[1]?.cumulativePredicted).toBeCloseTo(endOfWeek2, 10);
  });

  it('conditions the holdout forecast on each customer’s calibration history', () => {
    const a = bgnbdExpectedPurchases(params, 2, 2, 19 / 7, 27 / 7);
    const b = bgnbdExpectedPurchases(params, 2, 0, 0, 20 / 7);
    expect(check.predictedHoldoutPurchases).toBeCloseTo(a + b, 10);
    expect(check.conditional).toEqual([
      { x: 0, orMore: false, customers: 1, actual: 0, predicted: expect.closeTo(b, 10) },
      { x: 2, orMore: false, customers: 1, actual: 1, predicted: expect.closeTo(a, 10) },
    ]);
  });

  it('refuses a holdout that does not end after the calibration end', () => {
    expect(() => holdoutCheck(params, people, '2020-01-28', '2020-01-28')).toThrow(RangeError);
  });
});

describe('defaultCalibrationEnd', () => {
  it('holds out the last third of the purchase span', () => {
    // CDNOW: 1997-01-01 to 1998-06-30 is 545 days; two thirds is day 363.
    expect(defaultCalibrationEnd(profiles)).toBe(
      new Date(Date.UTC(1997, 0, 1) + 363 * DAY).toISOString().slice(0, 10),
    );
    expect(defaultCalibrationEnd([])).toBeNull();
  });
});
