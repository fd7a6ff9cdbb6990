import { FormattedMessage } from 'react-intl';
import { formatNumber } from '../kpi/format-number.ts';
import { fullCalendarLabels, isCalendar, type CalendarCategories } from './calendar-categories.ts';
import { ChartFigure, SizedBox } from './chart-figure.tsx';
import { ChartLegend } from './chart-legend.tsx';
import { ChartTable } from './chart-table.tsx';
import {
  bandHasWidth,
  bandVisible,
  colourAt,
  type ChartBand,
  type ChartMarker,
  type ChartSeries,
  type PartialCategory,
} from './chart-types.ts';
import { LazySeriesPlot } from './lazy-series-plot.tsx';
import type { PlotKind } from './series-plot.tsx';

export interface SeriesChartProps {
  /** Heading of the chart; names the figure and the table. */
  title: string;
  /**
   * The points of the x axis: a label each, or calendar periods (days, weeks, months) that the
   * chart writes in the reader's language.
   */
  categories: readonly string[] | CalendarCategories;
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
  /** The x axis's title with its unit, e.g. "Week starting (date)". */
  xAxisLabel: string;
  /** The y axis's title with its unit, e.g. "Messages sent per week (count)". */
  yAxisLabel: string;
  /** Categories that cover less than the others: hatched on the chart, noted in the table. */
  partial?: readonly PartialCategory[];
  /** Vertical lines at categories (e.g. the calibration end). */
  markers?: readonly ChartMarker[];
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
  xAxisLabel,
  yAxisLabel,
  partial = [],
  markers = [],
}: SeriesChartProps) {
  // Written at each render (a cached formatter, a few hundred labels at most), so a change of
  // language, which re-renders every chart through its parent's messages, writes them again.
  const labels = isCalendar(categories) ? fullCalendarLabels(categories) : categories;
  const calendar = isCalendar(categories) ? categories : undefined;
  // A band whose ends coincide everywhere has nothing to draw: it is left out of the plot and
  // the legend, and a note says so instead of promising a shaded range that is not there.
  const drawnBands = bands.filter(bandHasWidth);
  const flatBands = bands.filter((b) => !bandHasWidth(b));
  const values = [...series.flatMap((s) => s.values), ...bands.flatMap((b) => b.upper)];
  const span = values.length === 0 ? 0 : Math.max(0, ...values) - Math.min(0, ...values);
  // A band thinner than the line everywhere is drawn but not promised in the legend.
  const thinBands = drawnBands.filter((b) => !bandVisible(b, span));
  const legend = [
    ...drawnBands
      .filter((b) => !thinBands.includes(b))
      .map((b, i) => ({
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
  ];
  return (
    <ChartFigure
      title={title}
      description={description}
      initialView={initialView}
      table={
        <ChartTable
          caption={title}
          categoryLabel={categoryLabel}
          categories={labels}
          series={series}
          bands={bands}
          format={format}
          partial={partial}
        />
      }
      chart={
        <>
          {legend.length > 1 && <ChartLegend items={legend} />}
          {flatBands.map((b) => (
            <p key={b.key} className="series-chart-note">
              <FormattedMessage id="ui.series-chart.noRangeToDraw" values={{ band: b.label }} />
            </p>
          ))}
          {thinBands.map((b) => (
            <p key={b.key} className="series-chart-note">
              <FormattedMessage
                id="ui.series-chart.narrowerThanTheLine"
                values={{ band: b.label }}
              />
            </p>
          ))}
          <SizedBox height={height} className="series-plot">
            {(width) => (
              <LazySeriesPlot
                categories={labels}
                {...(calendar === undefined ? {} : { calendar })}
                series={series}
                bands={drawnBands}
                kind={kind}
                width={width}
                height={height}
                format={format}
                xAxisLabel={xAxisLabel}
                yAxisLabel={yAxisLabel}
                partial={partial}
                markers={markers}
              />
            )}
          </SizedBox>
        </>
      }
    />
  );
}
