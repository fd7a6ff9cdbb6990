import type { KpiDefinition, KpiUnit } from '../../domain/forecast/replications.ts';
import type { VariantComparison } from '../../domain/forecast/compare-variants.ts';
import { formatNumber, type NumberFormat } from '../../ui/kpi/format-number.ts';

/** The shared number format of a KPI unit. */
export function numberFormat(unit: KpiUnit): NumberFormat {
  switch (unit) {
    case 'share':
      return 'percent';
    case 'money':
      return 'currency';
    case 'count':
      return 'count';
    default:
      return 'number';
  }
}

/** A KPI value written for people. */
export function formatKpi(unit: KpiUnit, value: number): string {
  if (unit === 'ratio') return Number.isFinite(value) ? `${formatNumber(value, 'number')}×` : '–';
  return formatNumber(value, numberFormat(unit));
}

/** The size of a difference without its sign: points for shares, otherwise the KPI's unit. */
export function formatMagnitude(unit: KpiUnit, value: number): string {
  if (unit === 'share') return `${formatNumber(Math.abs(value) * 100, 'number')} points`;
  return formatKpi(unit, Math.abs(value));
}

/** An interval's end, signed, in the KPI's unit (points for shares). */
function formatSigned(unit: KpiUnit, value: number): string {
  if (unit === 'share') return formatNumber(value * 100, 'number');
  return formatKpi(unit, value);
}

const RATE_VERBS: Record<string, string> = {
  conversionRate: 'converts',
  uplift: 'lifts conversion',
};

/**
 * One KPI's comparison B − A in plain words, e.g. "B converts 1.8 points more (90% range 0.9
 * to 2.7) — a real difference" or "B's total cost is $12.00 lower (90% range −$30.00 to $6.00)
 * — could be noise".
 */
export function describeDifference(
  kpi: KpiDefinition,
  comparison: VariantComparison,
  confidence: number,
): string {
  const { meanDiff, ci, distinguishable } = comparison;
  if (meanDiff === 0 && ci.low === 0 && ci.high === 0) {
    return `${kpi.label}: no difference — A and B give exactly the same value in every replication.`;
  }
  const range = `(${Math.round(confidence * 100)}% range ${formatSigned(kpi.unit, ci.low)} to ${formatSigned(kpi.unit, ci.high)})`;
  const verdict = distinguishable ? 'a real difference' : 'could be noise';
  const size = formatMagnitude(kpi.unit, meanDiff);
  const verb = RATE_VERBS[kpi.key];
  const sentence =
    verb !== undefined
      ? `B ${verb} ${size} ${meanDiff > 0 ? 'more' : 'less'}`
      : `B's ${kpi.label.toLowerCase()} is ${size} ${meanDiff > 0 ? 'higher' : 'lower'}`;
  return `${sentence} ${range} — ${verdict}.`;
}

/** Whether a difference is good news, bad news or neither, from the KPI's preferred direction. */
export function differenceTone(
  kpi: KpiDefinition,
  comparison: VariantComparison,
): 'positive' | 'negative' | 'neutral' {
  if (!comparison.distinguishable || kpi.better === 'neither') return 'neutral';
  const up = comparison.meanDiff > 0;
  return up === (kpi.better === 'higher') ? 'positive' : 'negative';
}
