import { numberFormat } from '../../../i18n/format-locale.ts';
import type { ClvWarning } from '../../../domain/forecast/clv-warnings.ts';

const significant = () =>
  numberFormat({ minimumSignificantDigits: 4, maximumSignificantDigits: 4 });

/** A fitted parameter to four significant digits (0.2426, 4.414, 15.44), as papers print them. */
export function formatParameter(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-4)) {
    return value.toExponential(3);
  }
  return significant().format(value);
}

/** A warning about a CLV fit, in words for a strategist. */
export function describeClvWarning(warning: ClvWarning): string {
  switch (warning.code) {
    case 'bgnbd-degenerate':
      return `Degenerate purchase model: ${warning.message} Move the calibration end or add history.`;
    case 'few-repeat-buyers':
      return `Only ${warning.repeatBuyers} customers bought again (fewer than ${warning.minimum}): the spend model rests on very few people.`;
    case 'spend-mean-undefined':
      return `The spend model's q is ${formatParameter(warning.q)} (≤ 1): the average customer's spend is undefined, so values of new customers are not shown.`;
    case 'not-converged':
      return `The ${warning.model === 'bgnbd' ? 'BG/NBD' : 'Gamma-Gamma'} fit did not converge: its parameters may not be the best fit.`;
  }
}
