import type { VariantComparison } from '../../src/domain/forecast/compare-variants.ts';
import type { KpiDefinition } from '../../src/domain/forecast/replications.ts';

/** KPIs of the three units the difference wording tells apart: a share, a count, money. */
export const rate: KpiDefinition = {
  key: 'conversionRate',
  label: 'Conversion rate',
  unit: 'share',
  better: 'higher',
  group: 'outcome',
};
export const cost: KpiDefinition = {
  ...rate,
  key: 'costPerConversion',
  label: 'Cost per conversion',
  unit: 'money',
  better: 'lower',
};
export const conversions: KpiDefinition = {
  ...rate,
  key: 'conversions',
  label: 'Conversions',
  unit: 'count',
};

/** B − A over 20 replications: its mean and interval; the interval alone decides the verdict. */
export function comparison(meanDiff: number, low: number, high: number): VariantComparison {
  // A baseline of 0: no relative difference, as `relativeDiff: null` says.
  return {
    n: 20,
    meanA: 0,
    meanB: meanDiff,
    meanDiff,
    relativeDiff: null,
    ci: { low, high },
    pValue: 0.5,
    distinguishable: low > 0 || high < 0,
  };
}
