import { useIntl } from 'react-intl';
import { useId, useState, type ReactNode } from 'react';
import { useElementWidth } from './use-element-width.ts';
import './charts.css';

export interface ChartFigureProps {
  /** Heading of the chart; names the figure and the table. */
  title: string;
  /** A sentence under the title. */
  description?: ReactNode;
  /** Start with the table shown instead of the chart. */
  initialView?: 'chart' | 'table';
  /** The chart: a legend and a plot, say. */
  chart: ReactNode;
  /** The same numbers as an accessible table. */
  table: ReactNode;
}

/**
 * A chart with its numbers one click away: "Show as table" swaps the plot for an accessible
 * table with the same data, so nothing is only available as a picture.
 */
export function ChartFigure({
  title,
  description,
  initialView = 'chart',
  chart,
  table,
}: ChartFigureProps) {
  const intl = useIntl();
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
          {view === 'table'
            ? intl.formatMessage({ id: 'ui.chart-figure.showAsChart' })
            : intl.formatMessage({ id: 'ui.chart-figure.showAsTable' })}
        </button>
      </div>
      {description !== undefined && <p className="series-chart-description">{description}</p>}
      {view === 'table' ? (
        table
      ) : (
        <div
          role="img"
          aria-label={intl.formatMessage({ id: 'ui.chart-figure.chartLabel' }, { title })}
        >
          {chart}
        </div>
      )}
    </figure>
  );
}

/** A box of the given height whose content is drawn once its width is known. */
export function SizedBox({
  height,
  className,
  children,
}: {
  height: number;
  className?: string;
  children: (width: number) => ReactNode;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  return (
    <div ref={ref} className={className} style={{ height }}>
      {width > 0 && children(width)}
    </div>
  );
}
