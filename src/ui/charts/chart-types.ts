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
