import { FormattedMessage, useIntl } from 'react-intl';
import { useMemo, type ReactNode } from 'react';
import { customerLifetimeValue } from '../../../domain/forecast/clv.ts';
import { CLV_REPORT_HORIZON_WEEKS } from '../../../domain/forecast/clv-fit-report.ts';
import { rfmSummary } from '../../../domain/forecast/rfm-summary.ts';
import type { Profile } from '../../../domain/profiles/profile.ts';
import { formatDay } from '../../../ui/kpi/format-day.ts';
import { formatNumber } from '../../../ui/kpi/format-number.ts';
import { PROFILE_PAGE_CALIBRATION } from './clv-fits.ts';
import { clvFailureValues, describeDegenerateFit } from './clv-wording.ts';
import { useClvReport } from './use-clv-report.ts';
import '../forecast.css';

/** Weeks the thermometer looks ahead. */
export const THERMOMETER_WEEKS = CLV_REPORT_HORIZON_WEEKS;

/**
 * A profile's "value thermometer": expected purchases and value over the next year from the
 * BG/NBD and Gamma-Gamma models fitted to its set's whole history (fitted once per set version,
 * in a worker, and cached in IndexedDB), shown against the set's median and 90th-percentile
 * customer.
 */
export function ClvThermometer({
  setId,
  setVersion,
  profile,
}: {
  setId: string;
  /** Changes when the set's profiles change (e.g. its `updatedAt`), so the models are refitted. */
  setVersion: string;
  profile: Profile;
}) {
  const intl = useIntl();
  const state = useClvReport(setId, setVersion, PROFILE_PAGE_CALIBRATION);
  const fit = state.status === 'done' && state.report.ok ? state.report : null;
  const score = useMemo(() => {
    if (fit === null) return undefined;
    const row = rfmSummary([profile], { calibrationEnd: fit.calibrationEnd })[0];
    return row === undefined
      ? null
      : customerLifetimeValue(fit.bgnbd.params, fit.gammaGamma.params, row, {
          horizonWeeks: THERMOMETER_WEEKS,
        });
  }, [fit, profile]);
  return (
    <section className="clv-thermometer" aria-labelledby="clv-thermometer-heading">
      <h3 id="clv-thermometer-heading">
        <FormattedMessage
          id="forecast.clv-thermometer.customerValueNextWeeks"
          values={{ weeks: THERMOMETER_WEEKS }}
        />
      </h3>
      {(state.status === 'loading' || state.status === 'fitting') && (
        <p role="status">
          {state.status === 'fitting'
            ? intl.formatMessage({ id: 'forecast.clv-thermometer.fittingTheCustomerValueModels' })
            : intl.formatMessage({ id: 'forecast.clv-thermometer.readingTheCustomerValueModels' })}
        </p>
      )}
      {state.status === 'failed' && (
        <p className="muted">
          <FormattedMessage
            id="forecast.clv-thermometer.noValueEstimate"
            values={clvFailureValues(intl, { calibrationEnd: null, failure: state.reason })}
          />
        </p>
      )}
      {state.status === 'done' && !state.report.ok && (
        <p className="muted">
          <FormattedMessage
            id="forecast.clv-thermometer.noValueEstimate"
            values={clvFailureValues(intl, state.report)}
          />
        </p>
      )}
      {score === null && (
        <p className="muted">
          <FormattedMessage id="forecast.clv-thermometer.noPurchasesYetSoNo" />
        </p>
      )}
      {fit !== null && fit.bgnbd.degenerate !== null && (
        <p role="alert">
          {describeDegenerateFit(intl, {
            reason: fit.bgnbd.degenerate.reason,
            customers: fit.customers,
            a: fit.bgnbd.params.a,
            b: fit.bgnbd.params.b,
          })}
        </p>
      )}
      {score !== undefined && score !== null && fit !== null && (
        <>
          <meter
            min={0}
            max={Math.max(fit.valueQuantiles.max, score.value, 1)}
            low={fit.valueQuantiles.p50}
            high={fit.valueQuantiles.p90}
            optimum={fit.valueQuantiles.max}
            value={score.value}
            aria-label={intl.formatMessage({ id: 'forecast.clv-thermometer.expectedValue' })}
            aria-valuetext={formatNumber(score.value, 'currency')}
          />
          <p>
            <FormattedMessage
              id="forecast.clv-thermometer.expectedPurchasesAndValue"
              values={{
                value: formatNumber(score.value, 'currency'),
                // Rounded as shown, so the plural agrees with the number the reader sees.
                purchases: Math.round(score.expectedPurchases * 100) / 100,
                spend: formatNumber(score.expectedSpend, 'currency'),
                alive: formatNumber(score.probabilityAlive, 'percent'),
                strong: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
              }}
            />
          </p>
          <p className="muted">
            <FormattedMessage
              id="forecast.clv-thermometer.againstTheSet"
              values={{
                median: formatNumber(fit.valueQuantiles.p50, 'currency'),
                top: formatNumber(fit.valueQuantiles.p90, 'currency'),
                fittedUpTo: formatDay(fit.calibrationEnd),
                warnings: fit.warnings.length > 0 ? 'yes' : 'no',
              }}
            />
          </p>
        </>
      )}
    </section>
  );
}
