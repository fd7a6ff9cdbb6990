// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/domain/compile/compile.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { ResultCharts } from '../../../src/features/simulation/result-charts.tsx';
import { SeriesChart } from '../../../src/ui/charts/series-chart.tsx';
import { SeriesPlot } from '../../../src/ui/charts/series-plot.tsx';
import { NOW, welcomeSeries } from './helpers.tsx';

const DAY = 86_400_000;
const base = {
  categories: ['W1', 'W2', 'W3'],
  series: [{ key: 'mean', label: 'Mean sends', values: [100, 120, 40] }],
  width: 500,
  height: 220,
  format: (n: number) => String(n),
  xAxisLabel: 'Week starting (date, UTC)',
  yAxisLabel: 'Messages sent per week',
};

describe('SeriesPlot reads on its own', () => {
  it('titles both axes with their units', () => {
    render(<SeriesPlot {...base} bands={[]} kind="line" />);
    expect(screen.getByText('Week starting (date, UTC)')).toHaveClass('chart-axis-title');
    expect(screen.getByText('Messages sent per week')).toHaveClass('chart-axis-title');
  });

  it('draws the P10–P90 band as a filled area between its ends, with both edges', () => {
    const { container } = render(
      <SeriesPlot
        {...base}
        bands={[{ key: 'r', label: 'P10–P90', lower: [90, 100, 30], upper: [110, 140, 50] }]}
        kind="line"
      />,
    );
    const band = container.querySelector('.chart-band');
    if (band === null) throw new Error('no band drawn');
    const area = band.querySelector('.visx-area');
    expect(area?.getAttribute('d')).toMatch(/^M.+Z$/);
    expect(band.querySelectorAll('.visx-linepath')).toHaveLength(2);
  });

  it('hatches and names a partial period', () => {
    const { container } = render(
      <SeriesPlot {...base} bands={[]} kind="bar" partial={[{ index: 2, note: '2 of 7 days' }]} />,
    );
    const mark = container.querySelector('.chart-partial');
    expect(mark).not.toBeNull();
    expect(mark).toHaveTextContent('partial: 2 of 7 days');
    expect(mark?.querySelector('rect')?.getAttribute('fill')).toMatch(/^url\(#chart-hatch/);
  });
});

describe('SeriesChart legends name only what is drawn', () => {
  /** A two-day sends chart with one series and one P10–P90 band; returns its figure. */
  function renderDailySendsChart(
    means: number[],
    band: { lower: number[]; upper: number[] },
  ): HTMLElement {
    render(
      <SeriesChart
        title="Messages sent per day"
        categoryLabel="Day"
        xAxisLabel="Day"
        yAxisLabel="Messages sent per day"
        categories={['d1', 'd2']}
        series={[{ key: 'mean', label: 'Mean sends', values: means }]}
        bands={[{ key: 'r', label: 'P10–P90', ...band }]}
      />,
    );
    return screen.getByRole('figure', { name: 'Messages sent per day' });
  }

  it('leaves a flat band out of the legend and says there is no range to draw', () => {
    const figure = renderDailySendsChart([5, 6], { lower: [5, 6], upper: [5, 6] });
    expect(figure).toHaveTextContent('P10–P90: no range to draw');
    expect(figure.querySelector('.chart-legend')).toBeNull();
  });

  it('says a band thinner than the line everywhere does not show, and leaves it out of the legend', () => {
    const figure = renderDailySendsChart([100, 200], { lower: [100, 200], upper: [100.5, 200] });
    expect(figure).toHaveTextContent('P10–P90: narrower than the line on every point');
    expect(figure.querySelector('.chart-legend')).toBeNull();
  });

  it('lists a band with width in the legend beside the series', () => {
    const figure = renderDailySendsChart([5, 6], { lower: [4, 5], upper: [6, 8] });
    expect(figure.querySelector('.chart-legend')).toHaveTextContent('P10–P90Mean sends');
    expect(figure).not.toHaveTextContent('no range to draw');
  });
});

describe('ResultCharts', () => {
  it('marks a final part week of the weekly sends chart, in the chart’s text and its table', async () => {
    const profiles = generateProfiles({ count: 200, seed: 3, start: NOW - 365 * DAY, end: NOW });
    const { spec } = compile(welcomeSeries());
    if (!spec) throw new Error('no spec');
    // 100 days: 14 full weeks and a final week of 2 days.
    const result = simulate(spec, profiles, { seed: 1, start: NOW - 100 * DAY, horizonDays: 100 });
    render(<ResultCharts result={result} />);
    const figure = screen.getByRole('figure', { name: 'Sends per week' });
    expect(figure).toHaveTextContent('the last week has only 2 days (hatched)');
    await userEvent.setup().click(within(figure).getByRole('button', { name: 'Show as table' }));
    const rows = within(within(figure).getByRole('table')).getAllByRole('rowheader');
    expect(rows).toHaveLength(15);
    expect(rows.at(-1)).toHaveTextContent('(partial: 2 of 7 days)');
    expect(rows.at(-2)).not.toHaveTextContent('partial');
  });
});
