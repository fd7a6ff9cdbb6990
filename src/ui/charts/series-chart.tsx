import { formatNumber } from '../kpi/format-number.ts';
import { ChartFigure, SizedBox } from './chart-figure.tsx';
import { ChartLegend } from './chart-legend.tsx';
import { ChartTable } from './chart-table.tsx';
import { colourAt, type ChartBand, type ChartSeries } from './chart-types.ts';
import { LazySeriesPlot } from './lazy-series-plot.tsx';
import type { PlotKind } from './series-plot.tsx';

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
  kind?: PlotKind;
  /** Plot height in pixels; default 220. */
  height?: number;
  /** Writes a value in the tooltip, axis and table; default a count. */
  format?: (n: number) => string;
  /** A sentence under the title. */
  description?: string;
  /** Start with the table shown instead of the chart. */
  initialView?: 'chart' | 'table';
}

const defaultFormat = (n: number): string => formatNumber(n, 'count');

/** Series over categories (lines, bars, stacked areas, ranges), with a table view. */
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
  return (
    <ChartFigure
      title={title}
      description={description}
      initialView={initialView}
      table={
        <ChartTable
          caption={title}
          categoryLabel={categoryLabel}
          categories={categories}
          series={series}
          bands={bands}
          format={format}
        />
      }
      chart={
        <>
          {series.length + bands.length > 1 && (
            <ChartLegend
              items={[
                ...bands.map((b, i) => ({
                  key: b.key,
                  label: b.label,
                  colour: colourAt(i, b.color),
                  band: true,
                })),
                ...series.map((s, i) => ({
                  key: s.key,
                  label: s.label,
                  colour: colourAt(i, s.color),
                  band: false,
                })),
              ]}
            />
          )}
          <SizedBox height={height} className="series-plot">
            {(width) => (
              <LazySeriesPlot
                categories={categories}
                series={series}
                bands={bands}
                kind={kind}
                width={width}
                height={height}
                format={format}
              />
            )}
          </SizedBox>
        </>
      }
    />
  );
}
