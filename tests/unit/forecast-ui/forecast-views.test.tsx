// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/domain/compile/compile.ts';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { TEMPLATES } from '../../../src/domain/templates/templates.ts';
import { CompareView } from '../../../src/features/forecast/compare-view.tsx';
import { ForecastCards } from '../../../src/features/forecast/forecast-cards.tsx';
import { variantView, type VariantView } from '../../../src/features/forecast/forecast-model.ts';
import { describeDifference } from '../../../src/features/forecast/difference-words.ts';
import { testIntl } from '../../support/test-intl.ts';
import { KpiTable } from '../../../src/features/forecast/kpi-table.tsx';
import type { ForecastReplication } from '../../../src/workers/forecast/run-forecast.ts';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const profiles = generateProfiles({ count: 600, seed: 4, start: NOW - 365 * DAY, end: NOW });
const OPTIONS = { start: NOW - 90 * DAY, horizonDays: 90 };

function spec(id: string, journeyId: string): Spec {
  const template = TEMPLATES.find((t) => t.id === id);
  const compiled = template && compile(template.build(NOW, () => journeyId)).spec;
  if (!compiled) throw new Error(`no spec for ${id}`);
  return compiled;
}

function forecast(specs: Spec[], n: number): ForecastReplication[] {
  return Array.from({ length: n }, (_, index) => ({
    index,
    results: specs.map((s) => simulate(s, profiles, { ...OPTIONS, seed: index + 1 })),
    tallies: specs.map(() => null),
  }));
}

function view(name: string, reps: ForecastReplication[], v: number): VariantView {
  const out = variantView(name, reps, v);
  if (out === null) throw new Error('no view');
  return out;
}

describe('ForecastCards', () => {
  it('shows each headline KPI as a named card with its median and 80% range', () => {
    const reps = forecast([spec('welcome-series', 'a')], 5);
    render(<ForecastCards view={view('Welcome', reps, 0)} />);
    const grid = screen.getByRole('region', { name: 'Forecast of Welcome' });
    const card = within(grid).getByRole('group', { name: 'Conversion rate' });
    expect(card).toHaveTextContent(/\d+(\.\d)?%/);
    expect(card).toHaveTextContent(/80% range .+ – .+/);
    expect(card).toHaveTextContent('median of 5 replications');
    expect(within(grid).getByRole('group', { name: 'Total cost' })).toHaveTextContent('$');
  });

  it('lists every KPI with mean, P10, P50 and P90 in a table', () => {
    const reps = forecast([spec('welcome-series', 'a')], 4);
    render(<KpiTable view={view('Welcome', reps, 0)} />);
    const table = screen.getByRole('table', { name: /Every KPI of Welcome over 4 replications/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['KPI', 'Mean', 'P10', 'P50', 'P90']);
    expect(within(table).getByRole('rowheader', { name: 'Return on spend' })).toBeInTheDocument();
  });
});

describe('CompareView', () => {
  it('says "no difference" for a journey against its identical duplicate', () => {
    const reps = forecast([spec('welcome-series', 'a'), spec('welcome-series', 'b')], 4);
    render(<CompareView a={view('A', reps, 0)} b={view('B', reps, 1)} />);
    const list = screen.getByRole('list', { name: 'Differences in plain words' });
    expect(list).toHaveTextContent(
      'Conversion rate: no difference — A and B give exactly the same value in every replication.',
    );
    const row = screen.getByRole('row', { name: /Conversion rate/ });
    expect(within(row).getAllByRole('cell').at(-1)).toHaveTextContent('no difference');
  });

  it('spells out a real difference between two journeys with its range', () => {
    const reps = forecast([spec('welcome-series', 'a'), spec('abandoned-cart', 'b')], 6);
    render(<CompareView a={view('A', reps, 0)} b={view('B', reps, 1)} />);
    const list = screen.getByRole('list', { name: 'Differences in plain words' });
    expect(list).toHaveTextContent(
      /(B converts \d+\.\d\d+ points (more|less) \(90% range [+-]\d+\.\d\d+ to [+-]\d+\.\d\d+ points; relative .+\) — a real difference\.)|(Conversion rate: no detectable difference — B − A is [+-]?\d+\.\d\d+ points \(90% range -\d+\.\d\d+ to \+\d+\.\d\d+ points; relative .+\)\.)/,
    );
    expect(screen.getByRole('row', { name: /Messages sent/ })).toHaveTextContent(
      /B (higher|lower)/,
    );
  });
});

describe('describeDifference', () => {
  const kpi = {
    key: 'conversionRate',
    label: 'Conversion rate',
    unit: 'share' as const,
    better: 'higher' as const,
    group: 'outcome' as const,
  };
  it('writes a rate difference in points with the interval and a verdict', async () => {
    const text = describeDifference(
      await testIntl('en'),
      kpi,
      {
        n: 20,
        meanA: 0.09,
        meanB: 0.108,
        meanDiff: 0.018,
        relativeDiff: 0.2,
        ci: { low: 0.009, high: 0.027 },
        pValue: 0.001,
        distinguishable: true,
      },
      0.9,
    );
    expect(text).toBe(
      'B converts 1.80 points more (90% range +0.90 to +2.70 points) — a real difference.',
    );
  });
  it('calls a difference whose interval spans zero no detectable difference', async () => {
    const text = describeDifference(
      await testIntl('en'),
      { ...kpi, key: 'cost', label: 'Total cost', unit: 'money', better: 'lower' },
      {
        n: 20,
        meanA: 20,
        meanB: 18,
        meanDiff: -2,
        relativeDiff: -0.1,
        ci: { low: -5, high: 1 },
        pValue: 0.3,
        distinguishable: false,
      },
      0.9,
    );
    expect(text).toBe(
      'Total cost: no detectable difference — B − A is -$2.00 (90% range -$5.00 to +$1.00).',
    );
  });
});
