import type { KpiDefinition, KpiUnit } from '../../domain/forecast/replications.ts';
import type { VariantComparison } from '../../domain/forecast/compare-variants.ts';
import {
  decimalsForInterval,
  differenceVerdict,
  MAX_DECIMALS,
  relativeLift,
} from '../../domain/forecast/verdict.ts';
import type { Interval } from '../../domain/forecast/statistics.ts';
import { formatNumber, type NumberFormat } from '../../ui/kpi/format-number.ts';
import { formatCurrency, numberFormat as localeNumberFormat } from '../../i18n/format-locale.ts';

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

/** A signed change of a KPI for charts: percentage points for shares ("+1.2 pp"), else the unit. */
export function formatChange(unit: KpiUnit, value: number): string {
  if (unit === 'share') return formatNumber(value, 'points');
  const text = formatKpi(unit, value);
  return value > 0 ? `+${text}` : text;
}

/** The unit a change of a KPI is measured in, for axis titles. */
export function changeUnit(unit: KpiUnit): string {
  switch (unit) {
    case 'share':
      return 'percentage points';
    case 'money':
      return 'US dollars';
    case 'ratio':
      return 'times the cost';
    case 'score':
      return 'NPS points';
    case 'count':
      return 'count';
    default:
      return 'messages per profile per week';
  }
}

/** Differences of shares are written in percentage points: 0.0123 → 1.23. */
function displayScale(unit: KpiUnit): number {
  return unit === 'share' ? 100 : 1;
}

/**
 * The fewest decimals a difference in this unit is written with: percentage points to two
 * decimals, money to the cent (whole units from 1,000), counts whole, others two.
 */
function minimumDecimals(unit: KpiUnit, values: readonly number[]): number {
  switch (unit) {
    case 'share':
      return 2;
    case 'money':
      return values.every((v) => Math.abs(v) < 1000) ? 2 : 0;
    case 'count':
      return 0;
    case 'score':
      return 1;
    default:
      return 2;
  }
}

/** How a difference and its interval are written: a fixed number of decimals, or scientific. */
export interface DifferenceFormat {
  unit: KpiUnit;
  decimals: number;
}

/**
 * The format that writes this difference and its interval (in the unit's display scale) with
 * the decimals the interval needs (see `decimalsForInterval`).
 */
export function differenceFormat(unit: KpiUnit, estimate: number, ci: Interval): DifferenceFormat {
  const s = displayScale(unit);
  const values = [estimate * s, ci.low * s, ci.high * s];
  return {
    unit,
    decimals: decimalsForInterval(
      estimate * s,
      { low: ci.low * s, high: ci.high * s },
      minimumDecimals(unit, values),
    ),
  };
}

function numberFormatter(
  style: 'plain' | 'money' | 'scientific',
  decimals: number,
  signed: boolean,
): Intl.NumberFormat {
  const signDisplay = signed ? ('exceptZero' as const) : ('auto' as const);
  return style === 'scientific'
    ? localeNumberFormat({ notation: 'scientific', maximumSignificantDigits: 2, signDisplay })
    : localeNumberFormat({
        ...(style === 'money' ? { style: 'currency' as const, currency: formatCurrency() } : {}),
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
        signDisplay,
      });
}

/**
 * A difference (or an interval's end) in its unit with the given format: percentage points for
 * shares, money with its symbol; `signed` writes "+" before positive values.
 */
export function formatDifference(format: DifferenceFormat, value: number, signed = true): string {
  if (!Number.isFinite(value)) return '–';
  const scaled = value * displayScale(format.unit);
  const style =
    format.decimals > MAX_DECIMALS ? 'scientific' : format.unit === 'money' ? 'money' : 'plain';
  const text = numberFormatter(style, format.decimals, signed).format(scaled);
  if (format.unit === 'ratio') return `${text}×`;
  return text;
}

/** An interval written with the same format at both ends, e.g. "+0.90 to +2.70". */
export function formatInterval(format: DifferenceFormat, ci: Interval): string {
  return `${formatDifference(format, ci.low)} to ${formatDifference(format, ci.high)}`;
}

/** The unit word after a share's difference. */
function pointsSuffix(unit: KpiUnit): string {
  return unit === 'share' ? ' points' : '';
}

/** A relative lift and its interval, e.g. "relative +9.5% (range +4.2% to +15%)"; empty when A's mean is 0. */
export function describeRelativeLift(comparison: VariantComparison, baseline: number): string {
  const lift = relativeLift(comparison, baseline);
  if (lift === null) return '';
  const percent = { low: lift.ci.low * 100, high: lift.ci.high * 100 };
  const format: DifferenceFormat = {
    unit: 'number',
    decimals: decimalsForInterval(lift.lift * 100, percent, 1),
  };
  const pct = (v: number) => `${formatDifference(format, v)}%`;
  return `relative ${pct(lift.lift * 100)} (range ${pct(percent.low)} to ${pct(percent.high)})`;
}

const RATE_VERBS: Record<string, string> = {
  conversionRate: 'converts',
  uplift: 'lifts conversion',
};

/**
 * One KPI's comparison B − A in plain words. The verdict comes from the unrounded interval;
 * the figures are written with the decimals that interval needs, so a real difference never
 * reads "0 to 0". E.g. "B converts 1.80 points more (90% range +0.90 to +2.70 points; relative
 * +12% (range +6% to +18%)) — a real difference." or "Total cost: no detectable difference —
 * B − A is -$2.00 (90% range -$5.00 to +$1.00; …)".
 */
export function describeDifference(
  kpi: KpiDefinition,
  comparison: VariantComparison,
  confidence: number,
  baseline = NaN,
): string {
  const verdict = differenceVerdict(comparison);
  if (verdict === 'identical') {
    return `${kpi.label}: no difference — A and B give exactly the same value in every replication.`;
  }
  const { meanDiff, ci } = comparison;
  const format = differenceFormat(kpi.unit, meanDiff, ci);
  const suffix = pointsSuffix(kpi.unit);
  const relative = describeRelativeLift(comparison, baseline);
  const range = `${Math.round(confidence * 100)}% range ${formatInterval(format, ci)}${suffix}${relative === '' ? '' : `; ${relative}`}`;
  if (verdict === 'no-detectable-difference') {
    return `${kpi.label}: no detectable difference — B − A is ${formatDifference(format, meanDiff)}${suffix} (${range}).`;
  }
  const size = formatDifference(format, Math.abs(meanDiff), false);
  const verb = RATE_VERBS[kpi.key];
  const up = verdict === 'higher';
  const sentence =
    verb !== undefined
      ? `B ${verb} ${size}${suffix} ${up ? 'more' : 'less'}`
      : `B's ${kpi.label.toLowerCase()} is ${size} ${up ? 'higher' : 'lower'}`;
  return `${sentence} (${range}) — a real difference.`;
}

/** Whether a difference is good news, bad news or neither, from the KPI's preferred direction. */
export function differenceTone(
  kpi: KpiDefinition,
  comparison: VariantComparison,
): 'positive' | 'negative' | 'neutral' {
  const verdict = differenceVerdict(comparison);
  if (verdict === 'identical' || verdict === 'no-detectable-difference') return 'neutral';
  if (kpi.better === 'neither') return 'neutral';
  return (verdict === 'higher') === (kpi.better === 'higher') ? 'positive' : 'negative';
}

/** The verdict column of the comparison table. */
export function verdictLabel(comparison: VariantComparison): string {
  switch (differenceVerdict(comparison)) {
    case 'identical':
      return 'no difference';
    case 'no-detectable-difference':
      return 'no detectable difference';
    case 'higher':
      return 'B higher';
    case 'lower':
      return 'B lower';
  }
}
