import { useId, useMemo, useState } from 'react';
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../kpi/format-number.ts';
import { ChartTable } from './chart-table.tsx';
import { colourAt, type ChartBand, type ChartSeries } from './chart-types.ts';
import './charts.css';

export interface SeriesChartProps {
  /** Heading of the chart; names the figure and the table. */
  title: string;
  /** One label per point on the x axis, e.g. dates. */
  categories: readonly string[];
  /** The x axis's name, the first column of the table, e.g. "Day". */
  categoryLabel: string;
  series: readonly ChartSeries[];
  /** Ranges drawn as shaded areas (e.g. forecast p10–p90). */
  bands?: readonly ChartBand[];
  /** `line` (default), `bar` (side by side), `stacked-bar` or `area` (stacked). */
  kind?: 'line' | 'bar' | 'stacked-bar' | 'area';
  /** Plot height in pixels; default 220. */
  height?: number;
  /** Writes a value in the tooltip, axis and table; default a count. */
  format?: (n: number) => string;
  /** A sentence under the title. */
  description?: string;
  /** Start with the table shown instead of the chart. */
  initialView?: 'chart' | 'table';
}

/** About this many x-axis labels fit a panel-wide chart without overlapping. */
const MAX_X_TICKS = 8;

type Row = Record<string, string | number | [number, number]>;

const defaultFormat = (n: number): string => formatNumber(n, 'count');

/**
 * A chart with its numbers one click away: "Show as table" swaps the plot for an accessible
 * table with the same data, so nothing is only available as a picture.
 */
export function SeriesChart({
  title,
  categories,
  categoryLabel,
  series,
  bands = [],
  kind = 'line',
  height = 220,
  format = defaultFormat,
  description,
  initialView = 'chart',
}: SeriesChartProps) {
  const [view, setView] = useState(initialView);
  const titleId = useId();
  const data = useMemo(
    () =>
      categories.map((category, i) => {
        const row: Row = { category };
        for (const s of series) row[s.key] = s.values[i] ?? 0;
        for (const b of bands) row[b.key] = [b.lower[i] ?? 0, b.upper[i] ?? 0];
        return row;
      }),
    [categories, series, bands],
  );
  const stack = kind === 'stacked-bar' || kind === 'area' ? 'stack' : undefined;
  return (
    <figure className="series-chart" aria-labelledby={titleId}>
      <div className="series-chart-head">
        <figcaption id={titleId} className="series-chart-title">
          {title}
        </figcaption>
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          aria-pressed={view === 'table'}
          onClick={() => setView(view === 'table' ? 'chart' : 'table')}
        >
          {view === 'table' ? 'Show as chart' : 'Show as table'}
        </button>
      </div>
      {description !== undefined && <p className="series-chart-description">{description}</p>}
      {view === 'table' ? (
        <ChartTable
          caption={title}
          categoryLabel={categoryLabel}
          categories={categories}
          series={series}
          bands={bands}
          format={format}
        />
      ) : (
        <div role="img" aria-label={`${title}: chart. Use "Show as table" for the numbers.`}>
          <ComposedChart
            responsive
            style={{ width: '100%', height }}
            data={data}
            margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            {/* A fixed tick interval: with minTickGap recharts measures every label in the page layout. */}
            <XAxis
              dataKey="category"
              tick={{ fontSize: 11 }}
              interval={Math.max(0, Math.ceil(categories.length / MAX_X_TICKS) - 1)}
            />
            <YAxis tick={{ fontSize: 11 }} tickFormatter={format} width={56} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} />
            {series.length + bands.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
            {bands.map((b, i) => (
              <Area
                key={b.key}
                dataKey={b.key}
                name={b.label}
                stroke="none"
                fill={colourAt(i, b.color)}
                fillOpacity={0.18}
                isAnimationActive={false}
              />
            ))}
            {series.map((s, i) => {
              const colour = colourAt(i, s.color);
              if (kind === 'bar' || kind === 'stacked-bar') {
                return (
                  <Bar
                    key={s.key}
                    dataKey={s.key}
                    name={s.label}
                    fill={colour}
                    isAnimationActive={false}
                    {...(stack ? { stackId: stack } : {})}
                  />
                );
              }
              if (kind === 'area') {
                return (
                  <Area
                    key={s.key}
                    dataKey={s.key}
                    name={s.label}
                    stroke={colour}
                    fill={colour}
                    fillOpacity={0.35}
                    stackId="stack"
                    isAnimationActive={false}
                  />
                );
              }
              return (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stroke={colour}
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              );
            })}
          </ComposedChart>
        </div>
      )}
    </figure>
  );
}
