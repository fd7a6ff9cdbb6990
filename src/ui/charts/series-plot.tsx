import { FormattedMessage, useIntl } from 'react-intl';
import { AxisLeft } from '@visx/axis';
import { GridRows } from '@visx/grid';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Area, Bar, LinePath } from '@visx/shape';
import { useId, useMemo, useState, type PointerEvent } from 'react';
import {
  colourAt,
  type ChartBand,
  type ChartMarker,
  type ChartSeries,
  type PartialCategory,
} from './chart-types.ts';
import { calendarTickLabels, type CalendarCategories } from './calendar-categories.ts';
import { BottomAxis, Tick, XAxisTitle } from './chart-axes.tsx';
import { placeSeries, valueExtent } from './stack-series.ts';

export type PlotKind = 'line' | 'bar' | 'stacked-bar' | 'area';

export interface SeriesPlotProps {
  /** Each category written whole (the tooltip's heading). */
  categories: readonly string[];
  /** When the categories are calendar periods: the axis writes them short (Mar 14; 14 mars). */
  calendar?: CalendarCategories;
  series: readonly ChartSeries[];
  bands: readonly ChartBand[];
  kind: PlotKind;
  width: number;
  height: number;
  format: (n: number) => string;
  /** The x axis's title with its unit, e.g. "Week starting". */
  xAxisLabel: string;
  /** The y axis's title with its unit, e.g. "Messages sent (count)". */
  yAxisLabel: string;
  /** Categories that cover less than the others, drawn hatched with a note. */
  partial?: readonly PartialCategory[];
  /** Vertical lines at categories. */
  markers?: readonly ChartMarker[];
}

const MARGIN = { top: 20, right: 16, bottom: 46, left: 76 };
/** Room one x-axis label takes (a date such as "Sep 13, 2026" or "13 sept. 2026" at 11 px, with a gap). */
const X_LABEL_ROOM = 90;

/** The SVG plot of a {@link SeriesChart}, with a tooltip of every value at the pointer. */
export function SeriesPlot({
  categories,
  calendar,
  series,
  bands,
  kind,
  width,
  height,
  format,
  xAxisLabel,
  yAxisLabel,
  partial = [],
  markers = [],
}: SeriesPlotProps) {
  const intl = useIntl();
  const [pointed, setHover] = useState<number | null>(null);
  const hatchId = `chart-hatch${useId().replace(/:/g, '')}`;
  // The categories may change under a still pointer; a hover past their end shows nothing.
  const hover = pointed !== null && pointed < categories.length ? pointed : null;
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(0, height - MARGIN.top - MARGIN.bottom);
  const bars = kind === 'bar' || kind === 'stacked-bar';
  const stacked = kind === 'stacked-bar' || kind === 'area';
  const placed = useMemo(
    () => placeSeries(series, categories.length, stacked),
    [series, categories.length, stacked],
  );
  const x = useMemo(
    () =>
      scaleBand<number>({
        domain: categories.map((_, i) => i),
        range: [0, innerWidth],
        padding: bars ? 0.2 : 0,
      }),
    [categories, innerWidth, bars],
  );
  const y = useMemo(
    () =>
      scaleLinear<number>({
        domain: valueExtent(placed, bands),
        range: [innerHeight, 0],
        nice: true,
      }),
    [placed, bands, innerHeight],
  );
  const centre = (c: number) => (x(c) ?? 0) + x.bandwidth() / 2;
  const labels = Math.max(2, Math.floor(innerWidth / X_LABEL_ROOM));
  const every = Math.max(1, Math.ceil(categories.length / labels));
  const indices = categories.map((_, i) => i);
  const ticks = indices.filter((c) => c % every === 0);
  const tickLabels = calendar === undefined ? null : calendarTickLabels(calendar, ticks);

  const onPointer = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const step = x.step() || 1;
    const c = Math.floor((event.clientX - box.left) / step);
    setHover(c >= 0 && c < categories.length ? c : null);
  };

  return (
    <>
      <svg width={width} height={height} aria-hidden="true">
        <defs>
          <pattern
            id={hatchId}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="6" stroke="var(--text-muted)" strokeOpacity="0.35" />
          </pattern>
        </defs>
        <Group left={MARGIN.left} top={MARGIN.top}>
          <GridRows
            scale={y}
            width={innerWidth}
            numTicks={5}
            stroke="var(--border)"
            strokeDasharray="3 3"
          />
          {partial.map((p) => (
            <g key={`partial-${p.index}`} className="chart-partial">
              <rect
                x={x(p.index) ?? 0}
                y={0}
                width={Math.max(x.step(), 2)}
                height={innerHeight}
                fill={`url(#${hatchId})`}
              />
              <text
                x={centre(p.index)}
                y={-6}
                textAnchor={centre(p.index) > innerWidth - 40 ? 'end' : 'middle'}
                className="series-plot-tick"
              >
                <FormattedMessage id="ui.series-plot.partialNote" values={{ note: p.note }} />
              </text>
            </g>
          ))}
          {bands.map((b, i) => (
            <g key={b.key} className="chart-band">
              <Area
                data={indices}
                x={centre}
                y0={(c) => y(b.lower[c] ?? 0)}
                y1={(c) => y(b.upper[c] ?? 0)}
                fill={colourAt(i, b.color)}
                fillOpacity={0.25}
              />
              {/* Edges keep a narrow band visible where its fill is thinner than a pixel. */}
              {[b.lower, b.upper].map((edge, e) => (
                <LinePath
                  key={e}
                  data={indices}
                  x={centre}
                  y={(c) => y(edge[c] ?? 0)}
                  stroke={colourAt(i, b.color)}
                  strokeOpacity={0.7}
                  strokeDasharray="4 3"
                  strokeWidth={1}
                />
              ))}
            </g>
          ))}
          {placed.map((p, i) => {
            const colour = colourAt(i, p.series.color);
            if (bars) {
              const width = stacked ? x.bandwidth() : x.bandwidth() / placed.length;
              return indices.map((c) => {
                const top = y(p.upper[c] ?? 0);
                const bottom = y(p.lower[c] ?? 0);
                return (
                  <Bar
                    key={`${p.series.key}-${c}`}
                    x={(x(c) ?? 0) + (stacked ? 0 : i * width)}
                    y={Math.min(top, bottom)}
                    width={width}
                    height={Math.abs(bottom - top)}
                    fill={colour}
                  />
                );
              });
            }
            if (kind === 'area') {
              return (
                <Area
                  key={p.series.key}
                  data={indices}
                  x={centre}
                  y0={(c) => y(p.lower[c] ?? 0)}
                  y1={(c) => y(p.upper[c] ?? 0)}
                  fill={colour}
                  fillOpacity={0.35}
                  stroke={colour}
                />
              );
            }
            return (
              <LinePath
                key={p.series.key}
                data={indices}
                x={centre}
                y={(c) => y(p.upper[c] ?? 0)}
                stroke={colour}
                strokeWidth={2}
              />
            );
          })}
          {markers.map((m) => (
            <g key={`marker-${m.index}`} className="chart-marker">
              <line
                x1={x(m.index) ?? 0}
                x2={x(m.index) ?? 0}
                y1={0}
                y2={innerHeight}
                stroke="var(--text)"
                strokeDasharray="6 3"
              />
              <text x={(x(m.index) ?? 0) + 4} y={10} className="series-plot-tick">
                {m.label}
              </text>
            </g>
          ))}
          {hover !== null && (
            <line
              x1={centre(hover)}
              x2={centre(hover)}
              y1={0}
              y2={innerHeight}
              stroke="var(--text-muted)"
              strokeDasharray="2 2"
            />
          )}
          <AxisLeft
            scale={y}
            numTicks={5}
            tickFormat={(v) => format(Number(v))}
            stroke="var(--border)"
            tickStroke="var(--border)"
            tickComponent={Tick}
            tickLabelProps={{ textAnchor: 'end', dx: -4, dy: '0.32em' }}
          />
          <BottomAxis
            top={innerHeight}
            scale={x}
            tickValues={ticks}
            tickFormat={(c) => tickLabels?.get(Number(c)) ?? categories[Number(c)] ?? ''}
          />
          <XAxisTitle width={innerWidth} y={innerHeight + 40}>
            {xAxisLabel}
          </XAxisTitle>
          <text
            className="chart-axis-title"
            transform={`translate(${-MARGIN.left + 12}, ${innerHeight / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {yAxisLabel}
          </text>
          <rect
            width={innerWidth}
            height={innerHeight}
            fill="transparent"
            onPointerMove={onPointer}
            onPointerLeave={() => setHover(null)}
          />
        </Group>
      </svg>
      {hover !== null && (
        <div
          className="series-plot-tooltip"
          style={
            centre(hover) > innerWidth / 2
              ? { right: width - MARGIN.left - centre(hover) + 12 }
              : { left: MARGIN.left + centre(hover) + 12 }
          }
        >
          <strong>
            {partial.some((p) => p.index === hover)
              ? intl.formatMessage(
                  { id: 'ui.chart-table.partialCategory' },
                  {
                    category: categories[hover],
                    note: partial.find((p) => p.index === hover)?.note ?? '',
                  },
                )
              : categories[hover]}
          </strong>
          <dl>
            {series.map((s) => (
              <div key={s.key} style={{ display: 'contents' }}>
                <dt>{s.label}</dt>
                <dd>{format(s.values[hover] ?? 0)}</dd>
              </div>
            ))}
            {bands.map((b) => (
              <div key={b.key} style={{ display: 'contents' }}>
                <dt>{b.label}</dt>
                <dd>
                  {format(b.lower[hover] ?? 0)} – {format(b.upper[hover] ?? 0)}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </>
  );
}
