// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKpis } from '../../../src/domain/forecast/replications.ts';
import { summariseKpis } from '../../../src/domain/forecast/replications.ts';
import { CompareView } from '../../../src/features/forecast/compare-view.tsx';
import type { VariantView } from '../../../src/features/forecast/forecast-model.ts';

const KEY = 'costPerConversion';

/** A variant with one KPI over replications; NaN where a replication had no conversion. */
function variant(name: string, values: readonly number[]): VariantView {
  const replications = values.map((v) => ({ [KEY]: v }));
  // Only what the comparison reads of a variant: its name, KPIs, values and their summaries.
  return {
    name,
    kpis: [{ key: KEY, unit: 'currency' }],
    values: replications,
    summaries: summariseKpis(replications, [KEY]),
  } as unknown as VariantView;
}

describe('A against B: the columns of a row add up', () => {
  it('takes A’s and B’s means over the replications the difference pairs, so B − A is the difference', () => {
    // A has no cost per conversion in replication 1, B none in replication 3: the difference
    // pairs replications 2 and 4 (B − A = 2 and 4, mean 3).
    const a = variant('A', [NaN, 10, 100, 20]);
    const b = variant('B', [50, 12, NaN, 24]);
    render(<CompareView a={a} b={b} />);
    const row = screen.getByRole('row', { name: /Cost per conversion/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // Means over the pairs: A 15, B 18; not A 43.33 over three and B 28.67 over three.
    expect(cells.slice(0, 3)).toEqual(['15', '18', '+3.00']);
  });

  it('for any replications, the paired means differ by the mean difference, inside its interval (seeded)', () => {
    const value = fc.oneof(
      // Amounts in cents, as KPIs are: no subnormal baseline to divide by.
      { weight: 4, arbitrary: fc.integer({ min: -100_000, max: 100_000 }).map((c) => c / 100) },
      { weight: 1, arbitrary: fc.constant(NaN) },
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 30 })
          .chain((n) =>
            fc.tuple(
              fc.array(value, { minLength: n, maxLength: n }),
              fc.array(value, { minLength: n, maxLength: n }),
            ),
          ),
        ([as, bs]) => {
          const c = compareKpis(
            as.map((v) => ({ [KEY]: v })),
            bs.map((v) => ({ [KEY]: v })),
            [KEY],
            0.9,
          )[KEY];
          if (c === undefined) return;
          expect(c.meanB - c.meanA).toBeCloseTo(c.meanDiff, 6);
          expect(c.ci.low).toBeLessThanOrEqual(c.meanDiff + 1e-9);
          expect(c.ci.high).toBeGreaterThanOrEqual(c.meanDiff - 1e-9);
          if (c.relativeDiff !== null) expect(c.relativeDiff * c.meanA).toBeCloseTo(c.meanDiff, 6);
        },
      ),
      { numRuns: 500, seed: 20_261_207 },
    );
  });
});
