import { useId, useState } from 'react';
import { formatNumber } from '../kpi/format-number.ts';
import { ChartLegend } from './chart-legend.tsx';
import { ChartTable } from './chart-table.tsx';
import { colourAt, type ChartBand, type ChartSeries } from './chart-types.ts';
import { SeriesPlot, type PlotKind, type SeriesPlotProps } from './series-plot.tsx';
import { useElementWidth } from './use-element-width.ts';
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

/** The plot at the width its box is given; drawn once that width is known. */
function SizedPlot(props: Omit<SeriesPlotProps, 'width'>) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  return (
    <div ref={ref} className="series-plot" style={{ height: props.height }}>
      {width > 0 && <SeriesPlot {...props} width={width} />}
    </div>
  );
}

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
          <SizedPlot
            categories={categories}
            series={series}
            bands={bands}
            kind={kind}
            height={height}
            format={format}
          />
        </div>
      )}
    </figure>
  );
}
