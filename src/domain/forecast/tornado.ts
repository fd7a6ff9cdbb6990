/** A KPI's value with one assumption at its low and at its high setting, the others held. */
export interface SensitivityVariation {
  /** The assumption's name. */
  name: string;
  /** The KPI with the assumption at its low setting. */
  low: number;
  /** The KPI with the assumption at its high setting. */
  high: number;
}

/** One bar of a tornado chart. */
export interface TornadoBar extends SensitivityVariation {
  /** low − base. */
  lowDelta: number;
  /** high − base. */
  highDelta: number;
  /** |high − low|: the bar's length. */
  swing: number;
}

/**
 * Orders one-at-a-time sensitivity results for a tornado chart: largest swing first, ties by
 * name, with each end's change from the base value.
 */
export function tornado(
  baseValue: number,
  variations: readonly SensitivityVariation[],
): TornadoBar[] {
  return variations
    .map((v) => ({
      name: v.name,
      low: v.low,
      high: v.high,
      lowDelta: v.low - baseValue,
      highDelta: v.high - baseValue,
      swing: Math.abs(v.high - v.low),
    }))
    .sort((x, y) => y.swing - x.swing || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}
