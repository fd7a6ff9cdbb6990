import type { ChartBand, ChartSeries } from './chart-types.ts';

/** Where one series sits per category: from `lower` to `upper` (lower is 0 unless stacked). */
export interface PlacedSeries {
  series: ChartSeries;
  lower: number[];
  upper: number[];
}

/** Places each series on top of the previous ones when stacked, else on zero. */
export function placeSeries(
  series: readonly ChartSeries[],
  count: number,
  stacked: boolean,
): PlacedSeries[] {
  const base = new Array<number>(count).fill(0);
  return series.map((s) => {
    const lower = stacked ? [...base] : new Array<number>(count).fill(0);
    const upper = lower.map((l, c) => l + (s.values[c] ?? 0));
    if (stacked) for (let c = 0; c < count; c++) base[c] = upper[c] ?? 0;
    return { series: s, lower, upper };
  });
}

/** The value range the y axis must show: zero, every series top and every band. */
export function valueExtent(
  placed: readonly PlacedSeries[],
  bands: readonly ChartBand[],
): [number, number] {
  let min = 0;
  let max = 0;
  for (const values of [
    ...placed.flatMap((p) => [p.lower, p.upper]),
    ...bands.flatMap((b) => [b.lower, b.upper]),
  ]) {
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max === min ? min + 1 : max];
}
