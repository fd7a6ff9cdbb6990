import { useId, useState } from 'react';
import type { TornadoBar } from '../../domain/forecast/tornado.ts';
import { ChartLegend } from '../../ui/charts/chart-legend.tsx';
import { useElementWidth } from '../../ui/charts/use-element-width.ts';
import { TORNADO_HIGH, TORNADO_LOW, TornadoPlot, tornadoHeight } from './tornado-plot.tsx';

/** The plot at the width its box is given; drawn once that width is known. */
function SizedTornado(props: Omit<Parameters<typeof TornadoPlot>[0], 'width'>) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  return (
    <div ref={ref} style={{ height: tornadoHeight(props.bars.length) }}>
      {width > 0 && <TornadoPlot {...props} width={width} />}
    </div>
  );
}

/** A tornado chart (horizontal bars of each assumption's swing around the base) with its table. */
export function TornadoChart({
  title,
  bars,
  base,
  format,
  lowLabel,
  highLabel,
}: {
  title: string;
  bars: readonly TornadoBar[];
  base: number;
  format: (n: number) => string;
  lowLabel: string;
  highLabel: string;
}) {
  const [table, setTable] = useState(false);
  const titleId = useId();
  return (
    <figure className="series-chart" aria-labelledby={titleId}>
      <div className="series-chart-head">
        <figcaption id={titleId} className="series-chart-title">
          {title}
        </figcaption>
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          aria-pressed={table}
          onClick={() => setTable(!table)}
        >
          {table ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      <p className="series-chart-description">
        Change from the base value {format(base)}: blue bars with each assumption {lowLabel}, orange
        with it {highLabel}. Longest bar first: the assumption that moves the figure most.
      </p>
      {table ? (
        <table className="data-table forecast-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Assumption</th>
              <th scope="col" className="num">
                Value {lowLabel}
              </th>
              <th scope="col" className="num">
                Value {highLabel}
              </th>
              <th scope="col" className="num">
                Swing
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.name}>
                <th scope="row">{b.name}</th>
                <td className="num">{format(b.low)}</td>
                <td className="num">{format(b.high)}</td>
                <td className="num">{format(b.swing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div role="img" aria-label={`${title}: chart. Use "Show as table" for the numbers.`}>
          <ChartLegend
            items={[
              { key: 'low', label: lowLabel, colour: TORNADO_LOW, band: false },
              { key: 'high', label: highLabel, colour: TORNADO_HIGH, band: false },
            ]}
          />
          <SizedTornado bars={bars} format={format} lowLabel={lowLabel} highLabel={highLabel} />
        </div>
      )}
    </figure>
  );
}
