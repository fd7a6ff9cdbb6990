import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { KpiDefinition } from '../../domain/forecast/replications.ts';
import type { VariantComparison } from '../../domain/forecast/compare-variants.ts';
import {
  decimalsForInterval,
  differenceVerdict,
  MAX_DECIMALS,
  relativeLift,
  type DifferenceVerdict,
} from '../../domain/forecast/verdict.ts';
import type { Interval } from '../../domain/forecast/statistics.ts';
import { numberFormat as localeNumberFormat } from '../../i18n/format-locale.ts';
import { kpiLabel } from '../../i18n/domain-labels.ts';
import { differenceFormat, formatDifference, type DifferenceFormat } from './kpi-format.ts';

/**
 * The comparison's words come whole from the catalogue (`forecast.difference.*`); this module
 * only works out which message and the figures it holds, written in the reader's number format.
 */

/** A signed relative change written as a percentage with the decimals its interval needs. */
function formatLift(decimals: number, fraction: number): string {
  if (decimals > MAX_DECIMALS) {
    return `${formatDifference({ unit: 'number', decimals }, fraction * 100)}%`;
  }
  return localeNumberFormat({
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    signDisplay: 'exceptZero',
  }).format(fraction);
}

/** The relative lift's figures, or null when A's mean is 0 (no lift can be said). */
function liftValues(
  comparison: VariantComparison,
  baseline: number,
): { lift: string; liftLow: string; liftHigh: string } | null {
  const lift = relativeLift(comparison, baseline);
  if (lift === null) return null;
  const decimals = decimalsForInterval(
    lift.lift * 100,
    { low: lift.ci.low * 100, high: lift.ci.high * 100 },
    1,
  );
  return {
    lift: formatLift(decimals, lift.lift),
    liftLow: formatLift(decimals, lift.ci.low),
    liftHigh: formatLift(decimals, lift.ci.high),
  };
}

/** A relative lift and its range for the table, e.g. "+9.5% (range +4.2% to +15%)"; "–" when A's mean is 0. */
export function describeRelativeLift(
  intl: IntlShape,
  comparison: VariantComparison,
  baseline: number,
): string {
  const values = liftValues(comparison, baseline);
  if (values === null) return '–';
  return intl.formatMessage({ id: 'forecast.difference.relativeLift' }, values);
}

/**
 * The size a unit word agrees with: the figure as written (its decimals), without its sign, so
 * French says "1,5 point" below 2 and "2,70 points" from there (English "points" throughout).
 */
function shownSize(format: DifferenceFormat, value: number): number {
  const scaled = Math.abs(value * (format.unit === 'share' ? 100 : 1));
  if (!Number.isFinite(scaled)) return 0;
  return Number(scaled.toFixed(Math.min(format.decimals, 20)));
}

/** Whether a share is measured in percentage points (the messages add the unit word). */
function unitKey(kpi: KpiDefinition): 'share' | 'other' {
  return kpi.unit === 'share' ? 'share' : 'other';
}

/** An interval with the same format at both ends, e.g. "+0.90 to +2.70 pp". */
export function formatInterval(
  intl: IntlShape,
  kpi: KpiDefinition,
  format: DifferenceFormat,
  ci: Interval,
): string {
  return intl.formatMessage(
    { id: 'forecast.difference.interval' },
    {
      low: formatDifference(format, ci.low),
      high: formatDifference(format, ci.high),
      unit: unitKey(kpi),
      highSize: shownSize(format, ci.high),
    },
  );
}

/** B − A in the table's column, e.g. "+1.80 pp". */
export function formatMeanDifference(
  intl: IntlShape,
  kpi: KpiDefinition,
  format: DifferenceFormat,
  value: number,
): string {
  return intl.formatMessage(
    { id: 'forecast.difference.meanDifference' },
    {
      difference: formatDifference(format, value),
      unit: unitKey(kpi),
      differenceSize: shownSize(format, value),
    },
  );
}

/** Which of the real-difference sentences a KPI takes: rates have verbs of their own. */
const REAL_DIFFERENCE_MESSAGE = defineMessages({
  conversionRate: { id: 'forecast.difference.realConversionRate' },
  uplift: { id: 'forecast.difference.realUplift' },
  other: { id: 'forecast.difference.real' },
});

function realDifferenceMessage(key: string): MessageDescriptor {
  return key === 'conversionRate' || key === 'uplift'
    ? REAL_DIFFERENCE_MESSAGE[key]
    : REAL_DIFFERENCE_MESSAGE.other;
}

/** A KPI name inside a sentence: lower case unless it starts with an acronym ("NPS"). */
function inSentence(label: string): string {
  return /^\p{Lu}{2}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * One KPI's comparison B − A in plain words. The verdict comes from the unrounded interval;
 * the figures are written with the decimals that interval needs, so a real difference never
 * reads "0 to 0". E.g. "B converts 1.80 points more (90% range +0.90 to +2.70 points; relative
 * +12% (range +6% to +18%)) — a real difference." or "Total cost: no detectable difference —
 * B − A is -$2.00 (90% range -$5.00 to +$1.00)."
 */
export function describeDifference(
  intl: IntlShape,
  kpi: KpiDefinition,
  comparison: VariantComparison,
  confidence: number,
  baseline = NaN,
): string {
  const verdict = differenceVerdict(comparison);
  const label = kpiLabel(intl, kpi);
  if (verdict === 'identical') {
    return intl.formatMessage({ id: 'forecast.difference.identical' }, { kpi: label });
  }
  const { meanDiff, ci } = comparison;
  const format = differenceFormat(kpi.unit, meanDiff, ci);
  const lift = liftValues(comparison, baseline);
  const range = {
    level: confidence,
    low: formatDifference(format, ci.low),
    high: formatDifference(format, ci.high),
    highSize: shownSize(format, ci.high),
    unit: unitKey(kpi),
    relative: lift === null ? 'no' : 'yes',
    ...(lift ?? { lift: '', liftLow: '', liftHigh: '' }),
  };
  if (verdict === 'no-detectable-difference') {
    return intl.formatMessage(
      { id: 'forecast.difference.noDetectable' },
      {
        ...range,
        kpi: label,
        difference: formatDifference(format, meanDiff),
        differenceSize: shownSize(format, meanDiff),
      },
    );
  }
  return intl.formatMessage(realDifferenceMessage(kpi.key), {
    ...range,
    kpi: inSentence(label),
    size: formatDifference(format, Math.abs(meanDiff), false),
    sizeSize: shownSize(format, meanDiff),
    direction: verdict,
  });
}

/** The verdict's select key in the catalogue (ICU keys take no hyphens). */
const VERDICT_KEY: Record<DifferenceVerdict, string> = {
  identical: 'identical',
  'no-detectable-difference': 'none',
  higher: 'higher',
  lower: 'lower',
};

/** The verdict column of the comparison table. */
export function verdictLabel(intl: IntlShape, comparison: VariantComparison): string {
  return intl.formatMessage(
    { id: 'forecast.difference.verdict' },
    { verdict: VERDICT_KEY[differenceVerdict(comparison)] },
  );
}
