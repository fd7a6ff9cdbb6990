// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TornadoPlot } from '../../../src/features/forecast/tornado-plot.tsx';
import { TornadoChart } from '../../../src/features/forecast/tornado-chart.tsx';
import { changeUnit, formatChange, formatKpi } from '../../../src/features/forecast/kpi-format.ts';
import { testIntl } from '../../support/test-intl.ts';

describe('TornadoPlot', () => {
  it('draws each assumption low to one side of the base and high to the other, named on hover', () => {
    const { container } = render(
      <TornadoPlot
        bars={[
          {
            name: 'Cost per message',
            low: 110,
            high: 330,
            lowDelta: -110,
            highDelta: 110,
            swing: 220,
          },
          { name: 'Open rate', low: 218, high: 221, lowDelta: -2, highDelta: 1, swing: 3 },
        ]}
        width={600}
        format={(n) => `${n >= 0 ? '+' : ''}$${n}`}
        lowLabel="×0.5"
        highLabel="×1.5"
        axisLabel="Change from the base value $220 (US dollars)"
      />,
    );
    const titles = [...container.querySelectorAll('rect title')].map((t) => t.textContent);
    expect(titles).toEqual([
      'Cost per message, ×0.5: $-110',
      'Cost per message, ×1.5: +$110',
      'Open rate, ×0.5: $-2',
      'Open rate, ×1.5: +$1',
    ]);
    const [low, high] = [...container.querySelectorAll('rect')];
    // The low bar ends where the high bar starts: at the base.
    expect(Number(low?.getAttribute('x')) + Number(low?.getAttribute('width'))).toBeCloseTo(
      Number(high?.getAttribute('x')),
    );
    const labels = [...container.querySelectorAll('.series-plot-tick')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Cost per message', 'Open rate']));
    expect(container.querySelector('.chart-axis-title')).toHaveTextContent(
      'Change from the base value $220 (US dollars)',
    );
  });

  it('writes a rate’s changes in percentage points, on the axis and in the table', async () => {
    // jsdom lays nothing out: give the chart's box a width so the plot is drawn.
    const box = vi
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockReturnValue({ width: 600, height: 200 } as DOMRect);
    render(
      <TornadoChart
        title="What moves conversion rate"
        bars={[
          {
            name: 'Open rate',
            low: 0.1,
            high: 0.14,
            lowDelta: -0.02,
            highDelta: 0.02,
            swing: 0.04,
          },
        ]}
        base={0.12}
        format={(n) => formatKpi('share', n)}
        formatChange={(n) => formatChange('share', n)}
        changeUnit={changeUnit(await testIntl('en'), 'share')}
        lowLabel="×0.5"
        highLabel="×1.5"
      />,
    );
    const figure = screen.getByRole('figure', { name: 'What moves conversion rate' });
    expect(figure.querySelector('.chart-axis-title')).toHaveTextContent(
      'Change from the base value 12% (percentage points)',
    );
    const ticks = [...figure.querySelectorAll('.series-plot-tick')].map((t) => t.textContent);
    expect(ticks).toEqual(expect.arrayContaining(['+2 pp', '-2 pp']));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show as table' }));
    const row = screen.getByRole('row', { name: /Open rate/ });
    expect(row).toHaveTextContent('10%14%+4 pp');
    expect(screen.getByRole('columnheader', { name: 'Swing (percentage points)' })).toBeVisible();
    box.mockRestore();
  });
});
