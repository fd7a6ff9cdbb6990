import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TornadoBar } from '../../domain/forecast/tornado.ts';

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
  const data = bars.map((b) => ({ name: b.name, low: b.lowDelta, high: b.highDelta }));
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
          <BarChart
            responsive
            layout="vertical"
            stackOffset="sign"
            data={data}
            style={{ width: '100%', height: 48 + 40 * data.length }}
            margin={{ top: 8, right: 24, bottom: 4, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis type="number" tickFormatter={format} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} />
            <ReferenceLine x={0} stroke="var(--text-muted)" />
            <Bar
              dataKey="low"
              name={lowLabel}
              stackId="s"
              fill="#0072b2"
              isAnimationActive={false}
            />
            <Bar
              dataKey="high"
              name={highLabel}
              stackId="s"
              fill="#e69f00"
              isAnimationActive={false}
            />
          </BarChart>
        </div>
      )}
    </figure>
  );
}
