import { AxisBottom, type TickRendererProps } from '@visx/axis';
import type { ComponentProps, ReactNode } from 'react';

/** Tick labels as plain SVG text: visx's Text measures every word in the page layout. */
export function Tick({ x, y, formattedValue, textAnchor, dx, dy }: TickRendererProps) {
  return (
    <text x={x} y={y} dx={dx} dy={dy} textAnchor={textAnchor} className="series-plot-tick">
      {formattedValue}
    </text>
  );
}

/** The x axis of a plot in the charts' style: border-coloured line and ticks, labels centred below. */
export function BottomAxis(
  props: Pick<
    ComponentProps<typeof AxisBottom>,
    'top' | 'scale' | 'numTicks' | 'tickValues' | 'tickFormat'
  >,
) {
  return (
    <AxisBottom
      {...props}
      stroke="var(--border)"
      tickStroke="var(--border)"
      tickComponent={Tick}
      tickLabelProps={{ textAnchor: 'middle', dy: '0.71em' }}
    />
  );
}

/** The title of a plot's x axis, centred under a plot area `width` wide, its baseline at `y`. */
export function XAxisTitle({
  width,
  y,
  children,
}: {
  width: number;
  y: number;
  children: ReactNode;
}) {
  return (
    <text className="chart-axis-title" x={width / 2} y={y} textAnchor="middle">
      {children}
    </text>
  );
}
