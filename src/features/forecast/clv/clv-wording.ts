import type { IntlShape } from 'react-intl';
import type { FailureReason } from '../../../domain/failure/failure-reason.ts';
import { MIN_FIT_CUSTOMERS, type DegenerateFit } from '../../../domain/forecast/bgnbd-fit.ts';
import type { ClvStopReason } from '../../../domain/forecast/clv-report.ts';
import { failureCause } from '../../../i18n/failure-words.ts';
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
    return numberFormat({ notation: 'scientific', maximumSignificantDigits: 4 }).format(value);
  }
  return significant().format(value);
}

/** The parameters a degenerate fit is worded with: the customers it rests on, and a and b. */
export interface DegenerateFacts {
  reason: DegenerateFit['reason'];
  customers: number;
  a: number;
  b: number;
}

/** Why a BG/NBD fit is degenerate, as one whole sentence. */
export function describeDegenerateFit(intl: IntlShape, facts: DegenerateFacts): string {
  return intl.formatMessage(
    { id: 'forecast.clv.degenerate' },
    {
      reason: facts.reason,
      customers: facts.customers,
      minimum: MIN_FIT_CUSTOMERS,
      a: formatParameter(facts.a),
      b: formatParameter(Math.round(facts.b)),
    },
  );
}

/** A warning about a CLV fit, in words for a strategist, from the report it belongs to. */
export function describeClvWarning(
  intl: IntlShape,
  warning: ClvWarning,
  report: Extract<ClvReport, { ok: true }>,
): string {
  switch (warning.code) {
    case 'bgnbd-degenerate':
      return intl.formatMessage(
        { id: 'forecast.clv.warning.degenerate' },
        {
          degenerate: describeDegenerateFit(intl, {
            reason: warning.reason,
            customers: report.customers,
            a: report.bgnbd.params.a,
            b: report.bgnbd.params.b,
          }),
        },
      );
    case 'few-repeat-buyers':
      return intl.formatMessage(
        { id: 'forecast.clv.warning.fewRepeatBuyers' },
        { repeatBuyers: warning.repeatBuyers, minimum: warning.minimum },
      );
    case 'spend-mean-undefined':
      return intl.formatMessage(
        { id: 'forecast.clv.warning.spendMeanUndefined' },
        { q: formatParameter(warning.q) },
      );
    case 'not-converged':
      return intl.formatMessage(
        { id: 'forecast.clv.warning.notConverged' },
        { model: warning.model === 'bgnbd' ? 'BG/NBD' : 'Gamma-Gamma' },
      );
  }
}

/** The catalogue's select key for each reason the data stopped a fit. */
const FAILURE_KEY = {
  'no-purchases': 'noPurchases',
  'none-by-calibration-end': 'noneByCalibrationEnd',
  'no-repeat-buyers': 'noRepeatBuyers',
} as const;

/**
 * The values a "could not fit" message words its reason with: the data's reason, else `other`
 * with the coded cause of what else stopped the fit (`failure`, or the reason of `error`).
 */
export function clvFailureValues(
  intl: IntlShape,
  failure: {
    calibrationEnd: string | null;
    reason?: ClvStopReason | undefined;
    failure?: FailureReason | undefined;
    message?: string;
  },
): { reason: string; day: string; cause: string } {
  const other: FailureReason = failure.failure ?? {
    code: 'unexpected',
    detail: failure.message ?? '',
  };
  return {
    reason: failure.reason === undefined ? 'other' : FAILURE_KEY[failure.reason],
    day: failure.calibrationEnd === null ? '' : formatDay(failure.calibrationEnd),
    cause: failure.reason === undefined ? failureCause(intl, other) : '',
  };
}
