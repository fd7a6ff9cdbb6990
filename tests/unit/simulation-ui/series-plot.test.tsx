// @vitest-environment jsdom
import '../../setup/dom-setup';
import { fireEvent, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SeriesPlot } from '../../../src/ui/charts/series-plot.tsx';
import { placeSeries, valueExtent } from '../../../src/ui/charts/stack-series.ts';

const series = [
  { key: 'email', label: 'Email', values: [10, 20, 30] },
  { key: 'sms', label: 'SMS', values: [1, 2, 3] },
];

describe('placeSeries', () => {
  it('stacks each series on the ones before it, or sets all on zero', () => {
    const stacked = placeSeries(series, 3, true);
    expect(stacked[1]?.lower).toEqual([10, 20, 30]);
    expect(stacked[1]?.upper).toEqual([11, 22, 33]);
    const side = placeSeries(series, 3, false);
    expect(side[1]?.lower).toEqual([0, 0, 0]);
    expect(side[1]?.upper).toEqual([1, 2, 3]);
  });

  it('the value range covers zero, stacked tops and bands', () => {
    const placed = placeSeries(series, 3, true);
    expect(valueExtent(placed, [])).toEqual([0, 33]);
    expect(
      valueExtent(placed, [{ key: 'r', label: 'r', lower: [-5, 0, 0], upper: [40, 0, 0] }]),
    ).toEqual([-5, 40]);
    expect(valueExtent(placeSeries([], 0, false), [])).toEqual([0, 1]);
  });
});

describe('SeriesPlot', () => {
  const props = {
    categories: ['Mon', 'Tue', 'Wed'],
    series,
    bands: [],
    width: 400,
    height: 200,
    format: (n: number) => `${n} sent`,
    xAxisLabel: 'Day of week',
    yAxisLabel: 'Messages sent (count)',
  };

  it('draws a bar per series and category, side by side or stacked', () => {
    const { container, rerender } = render(<SeriesPlot {...props} kind="bar" />);
    expect(container.querySelectorAll('.visx-bar')).toHaveLength(6);
    rerender(<SeriesPlot {...props} kind="area" />);
    expect(container.querySelectorAll('.visx-bar')).toHaveLength(0);
    expect(container.querySelectorAll('.visx-area')).toHaveLength(2);
  });

  it('labels the axes with the categories and formatted values', () => {
    const { container } = render(<SeriesPlot {...props} kind="line" />);
    const ticks = [...container.querySelectorAll('.series-plot-tick')].map((t) => t.textContent);
    expect(ticks).toEqual(expect.arrayContaining(['Mon', 'Tue', 'Wed', '0 sent', '30 sent']));
  });

  it('shows every value of the category under the pointer', () => {
    const { container } = render(<SeriesPlot {...props} kind="stacked-bar" />);
    const overlay = container.querySelector('rect[fill="transparent"]');
    if (overlay === null) throw new Error('no pointer overlay');
    overlay.getBoundingClientRect = () => ({ left: 0, top: 0, width: 324, height: 168 }) as DOMRect;
    fireEvent.pointerMove(overlay, { clientX: 130 });
    const tooltip = () => container.querySelector('.series-plot-tooltip');
    expect(tooltip()).toHaveTextContent('TueEmail20 sentSMS2 sent');
    fireEvent.pointerLeave(overlay);
    expect(tooltip()).toBeNull();
  });
});
