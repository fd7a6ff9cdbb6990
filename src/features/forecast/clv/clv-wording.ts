import { numberFormat } from '../../../i18n/format-locale.ts';
import type { ClvWarning } from '../../../domain/forecast/clv-warnings.ts';
import type { ClvReport } from '../../../domain/forecast/clv-fit-report.ts';
import { formatDay } from '../../../ui/kpi/format-day.ts';

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

/** The catalogue's select key for each reason the data stopped a fit. */
const FAILURE_KEY = {
  'no-purchases': 'noPurchases',
  'none-by-calibration-end': 'noneByCalibrationEnd',
  'no-repeat-buyers': 'noRepeatBuyers',
} as const;

/**
 * The values a "could not fit" message words its reason with: the reason's key, or `other` with
 * the English message when an error (not the data) stopped the fit.
 */
export function clvFailureValues(
  failure: Pick<Extract<ClvReport, { ok: false }>, 'message' | 'calibrationEnd'> & {
    reason?: Extract<ClvReport, { ok: false }>['reason'];
  },
): { reason: string; day: string; message: string } {
  return {
    reason: failure.reason === undefined ? 'other' : FAILURE_KEY[failure.reason],
    day: failure.calibrationEnd === null ? '' : formatDay(failure.calibrationEnd),
    message: failure.message,
  };
}
