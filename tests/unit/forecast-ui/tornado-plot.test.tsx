// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TornadoPlot } from '../../../src/features/forecast/tornado-plot.tsx';

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
        format={(n) => `$${n}`}
        lowLabel="×0.5"
        highLabel="×1.5"
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
  });
});
