import { useIntl } from 'react-intl';
import type { ChartBand, ChartSeries, PartialCategory } from './chart-types.ts';

interface ChartTableProps {
  caption: string;
  categoryLabel: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  bands?: readonly ChartBand[];
  format: (n: number) => string;
  partial?: readonly PartialCategory[];
}

/** The numbers behind a chart, one row per category. */
export function ChartTable({
  caption,
  categoryLabel,
  categories,
  series,
  bands = [],
  format,
  partial = [],
}: ChartTableProps) {
  const intl = useIntl();
  return (
    <div className="chart-table-wrap">
      <table className="data-table chart-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{categoryLabel}</th>
            {series.map((s) => (
              <th scope="col" key={s.key} className="num">
                {s.label}
              </th>
            ))}
            {bands.map((b) => (
              <th scope="col" key={b.key} className="num">
                {b.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((category, i) => (
            <tr key={`${category}-${i}`}>
              <th scope="row">
                {partial.some((p) => p.index === i)
                  ? intl.formatMessage(
                      { id: 'ui.chart-table.partialCategory' },
                      { category, note: partial.find((p) => p.index === i)?.note ?? '' },
                    )
                  : category}
              </th>
              {series.map((s) => (
                <td key={s.key} className="num">
                  {format(s.values[i] ?? 0)}
                </td>
              ))}
              {bands.map((b) => (
                <td key={b.key} className="num">
                  {format(b.lower[i] ?? 0)} – {format(b.upper[i] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
