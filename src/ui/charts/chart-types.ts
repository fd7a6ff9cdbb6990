/** One line or set of bars: a value per category. */
export interface ChartSeries {
  key: string;
  label: string;
  values: readonly number[];
  /** CSS colour; default from {@link CHART_COLOURS} by position. */
  color?: string;
}

/** A shaded range per category (e.g. a forecast's p10–p90), drawn behind the series. */
export interface ChartBand {
  key: string;
  label: string;
  lower: readonly number[];
  upper: readonly number[];
  color?: string;
}

/** Colours told apart by most forms of colour blindness (Okabe–Ito). */
export const CHART_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
] as const;

/** The colour of the i-th series when it names none. */
export function colourAt(i: number, given?: string): string {
  return given ?? CHART_COLOURS[i % CHART_COLOURS.length] ?? '#0072b2';
}

/** A category that covers less than the others (e.g. a final week of 2 days), marked on the chart. */
export interface PartialCategory {
  index: number;
  /** What is partial, e.g. "2 of 7 days". */
  note: string;
}

/** A vertical line at a category, e.g. the end of a calibration period. */
export interface ChartMarker {
  index: number;
  label: string;
}

/** Whether a band has any width to draw: some upper end above its lower end. */
export function bandHasWidth(band: ChartBand): boolean {
  return band.upper.some((u, i) => u > (band.lower[i] ?? u));
}

/**
 * Whether a band is wide enough to see beside a line: somewhere at least `share` (default 1%)
 * of the values' span. A band thinner than that everywhere hides under the line it surrounds.
 */
export function bandVisible(band: ChartBand, span: number, share = 0.01): boolean {
  return band.upper.some((u, i) => u - (band.lower[i] ?? u) > share * span);
}
