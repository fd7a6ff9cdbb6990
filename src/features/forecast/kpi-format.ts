import type { IntlShape } from 'react-intl';
import type { KpiDefinition, KpiUnit } from '../../domain/forecast/replications.ts';
import type { VariantComparison } from '../../domain/forecast/compare-variants.ts';
import {
  decimalsForInterval,
  differenceVerdict,
  MAX_DECIMALS,
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
    case 'ratio':
      return 'ratio';
    default:
      return 'number';
  }
}

/** A KPI value written for people. */
export function formatKpi(unit: KpiUnit, value: number): string {
  return formatNumber(value, numberFormat(unit));
}

/** A signed change of a KPI for charts: percentage points for shares ("+1.2 pp"), else the unit. */
export function formatChange(unit: KpiUnit, value: number): string {
  if (unit === 'share') return formatNumber(value, 'points');
  const text = formatKpi(unit, value);
  return value > 0 ? `+${text}` : text;
}

/** The unit a change of a KPI is measured in, for axis titles: "percentage points", "euros". */
export function changeUnit(intl: IntlShape, unit: KpiUnit): string {
  return intl.formatMessage(
    { id: 'forecast.kpi-format.changeUnit' },
    { unit, currency: formatCurrency() },
  );
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
