// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseReplications } from '../../../src/domain/forecast/statistics.ts';
import { ForecastCards } from '../../../src/features/forecast/forecast-cards.tsx';
import type { VariantView } from '../../../src/features/forecast/forecast-model.ts';

/** A forecast of 20 replications where one in twenty lost 100 subscribers, the others none. */
function rareUnsubscribes(): VariantView {
  const values = Array.from({ length: 20 }, (_, i) => (i === 7 ? 100 : 0));
  // Only what the cards read of a variant: its KPIs, their summaries and the control flag.
  return {
    name: 'Win-back',
    kpis: [{ key: 'unsubscribes', unit: 'count' }],
    summaries: { unsubscribes: summariseReplications(values) },
    hasControl: false,
  } as unknown as VariantView;
}

describe('a forecast card’s figure lies within the range shown with it', () => {
  it('shows the median replication, not a mean that a single far replication pulls outside', () => {
    const view = rareUnsubscribes();
    expect(view.summaries['unsubscribes']?.mean).toBe(5);
    render(<ForecastCards view={view} />);
    const card = within(screen.getByRole('region', { name: 'Forecast of Win-back' })).getByRole(
      'group',
      { name: 'Unsubscribes' },
    );
    expect(card).toHaveTextContent('Unsubscribes080% range 0 – 0median of 20 replications');
  });

  it('for any replications, the median lies within P10–P90 (seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (values) => {
          const s = summariseReplications(values);
          expect(s.p10).toBeLessThanOrEqual(s.p50);
          expect(s.p50).toBeLessThanOrEqual(s.p90);
        },
      ),
      { numRuns: 500, seed: 20_261_207 },
    );
  });
});
