import type { ClvWarning } from '../../../domain/forecast/clv-warnings.ts';

const significant = new Intl.NumberFormat('en', {
  minimumSignificantDigits: 4,
  maximumSignificantDigits: 4,
});

/** A fitted parameter to four significant digits (0.2426, 4.414, 15.44), as papers print them. */
export function formatParameter(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-4)) {
    return value.toExponential(3);
  }
  return significant.format(value);
}

/** A warning about a CLV fit, in words for a strategist. */
export function describeClvWarning(warning: ClvWarning): string {
  switch (warning.code) {
    case 'too-few-customers':
      return `Only ${warning.customers} customers bought by the calibration end (fewer than ${warning.minimum}): the parameters are loose, read them as rough.`;
    case 'no-repeat-buyers':
      return 'No customer bought a second time by the calibration end: there is nothing to learn purchase rates or spend from.';
    case 'few-repeat-buyers':
      return `Only ${warning.repeatBuyers} customers bought again (fewer than ${warning.minimum}): the spend model rests on very few people.`;
    case 'dropout-vanishes':
      return `The drop-out parameter a ran to ${formatParameter(warning.a)} (a → 0): the fit says nobody ever stops buying, which the data cannot support. Move the calibration end or add history.`;
    case 'dropout-degenerate':
      return `The drop-out parameter b ran to ${formatParameter(warning.b)} (b → ∞): the fit could not separate drop-out from purchase rate; the expectations may be unreliable.`;
    case 'spend-mean-undefined':
      return `The spend model's q is ${formatParameter(warning.q)} (≤ 1): the average customer's spend is undefined, so values of new customers are not shown.`;
    case 'not-converged':
      return `The ${warning.model === 'bgnbd' ? 'BG/NBD' : 'Gamma-Gamma'} fit did not converge: its parameters may not be the best fit.`;
  }
}
