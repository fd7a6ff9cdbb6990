import { AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import type { TornadoBar } from '../../domain/forecast/tornado.ts';
import { BottomAxis, Tick, XAxisTitle } from '../../ui/charts/chart-axes.tsx';

export const TORNADO_LOW = '#0072b2';
export const TORNADO_HIGH = '#e69f00';
const MARGIN = { top: 8, right: 24, bottom: 48, left: 138 };
const ROW = 40;

/** The height a tornado plot of `rows` assumptions takes. */
export function tornadoHeight(rows: number): number {
  return MARGIN.top + MARGIN.bottom + 16 + ROW * rows;
}

/** Horizontal bars of each assumption's change from the base, low to one side, high to the other. */
export function TornadoPlot({
  bars,
  width,
  format,
  lowLabel,
  highLabel,
  axisLabel,
}: {
  bars: readonly TornadoBar[];
  width: number;
  /** Writes a change from the base (e.g. in percentage points for a rate). */
  format: (n: number) => string;
  lowLabel: string;
  highLabel: string;
  /** The x axis's title with its unit, e.g. "Change in conversion rate (percentage points)". */
  axisLabel: string;
}) {
  const height = tornadoHeight(bars.length);
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const deltas = bars.flatMap((b) => [b.lowDelta, b.highDelta]);
  const x = scaleLinear<number>({
    domain: [Math.min(0, ...deltas), Math.max(0, ...deltas, 1e-9)],
    range: [0, innerWidth],
    nice: true,
  });
  const y = scaleBand<string>({
    domain: bars.map((b) => b.name),
    range: [0, innerHeight],
    padding: 0.25,
  });
  const segment = (key: string, name: string, delta: number, colour: string, label: string) => {
    const from = x(0);
    const to = x(delta);
    return (
      <rect
        key={key}
        x={Math.min(from, to)}
        y={y(name) ?? 0}
        width={Math.abs(to - from)}
        height={y.bandwidth()}
        fill={colour}
      >
        <title>{`${name}, ${label}: ${format(delta)}`}</title>
      </rect>
    );
  };
  return (
    <svg width={width} height={height} aria-hidden="true">
      <Group left={MARGIN.left} top={MARGIN.top}>
        {bars.map((b) => {
          const low = segment('low', b.name, b.lowDelta, TORNADO_LOW, lowLabel);
          const high = segment('high', b.name, b.highDelta, TORNADO_HIGH, highLabel);
          // When both changes point the same way, the longer one is drawn first so both show.
          return (
            <g key={b.name}>
              {Math.abs(b.lowDelta) >= Math.abs(b.highDelta) ? [low, high] : [high, low]}
            </g>
          );
        })}
        <line x1={x(0)} x2={x(0)} y1={0} y2={innerHeight} stroke="var(--text-muted)" />
        <AxisLeft
          scale={y}
          hideTicks
          stroke="var(--border)"
          tickComponent={Tick}
          tickLabelProps={{ textAnchor: 'end', dx: -6, dy: '0.32em' }}
        />
        <BottomAxis
          top={innerHeight}
          scale={x}
          numTicks={5}
          tickFormat={(v) => format(Number(v))}
        />
        <XAxisTitle width={innerWidth} y={innerHeight + 42}>
          {axisLabel}
        </XAxisTitle>
      </Group>
    </svg>
  );
}
