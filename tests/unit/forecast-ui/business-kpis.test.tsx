// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { BusinessKpis } from '../../../src/features/forecast/business-kpis.tsx';
import { variantView, type VariantView } from '../../../src/features/forecast/forecast-model.ts';
import { specOfTemplate } from '../../support/template-spec.ts';

// The CLV panel inside fits in a worker: here the fit never ends, and the test looks elsewhere.
vi.mock('../../../src/workers/clv/fit-clv-in-worker.ts', () => ({
  fitClvInWorker: () => new Promise(() => undefined),
}));

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function welcomeView(): VariantView {
  const profiles = generateProfiles({ count: 300, seed: 3, start: NOW - 365 * DAY, end: NOW });
  const spec = specOfTemplate('welcome-series', NOW);
  const results = [1, 2].map((seed) =>
    simulate(spec, profiles, { start: NOW - 90 * DAY, horizonDays: 90, seed }),
  );
  const view = variantView(
    'Welcome',
    results.map((result, index) => ({ index, results: [result], tallies: [null] })),
    0,
  );
  if (view === null) throw new Error('no view');
  return view;
}

describe('BusinessKpis', () => {
  it('gives the historical NPS with its answers, and says when they were not summed', () => {
    const view = welcomeView();
    const { rerender } = render(
      <BusinessKpis
        view={view}
        historical={{
          nps: 12,
          responses: 1234,
          promoters: 500,
          passives: 382,
          detractors: 352,
          invalid: 0,
        }}
        setId="s"
        capText=""
      />,
    );
    const card = () => screen.getByRole('group', { name: 'NPS, historical' });
    expect(card()).toHaveTextContent('1,234 answers in the set');
    // A forecast cancelled or failed before every worker summed its part: no count of answers.
    rerender(<BusinessKpis view={view} historical={null} setId="s" capText="" />);
    expect(card()).toHaveTextContent('not summed');
    expect(card()).not.toHaveTextContent('answers in the set');
  });
});
