import { FormattedMessage, useIntl } from 'react-intl';
import { useMemo } from 'react';
import { customerLifetimeValue } from '../../../domain/forecast/clv.ts';
import { CLV_REPORT_HORIZON_WEEKS } from '../../../domain/forecast/clv-fit-report.ts';
import { rfmSummary } from '../../../domain/forecast/rfm-summary.ts';
import type { Profile } from '../../../domain/profiles/profile.ts';
import { formatNumber } from '../../../ui/kpi/format-number.ts';
import { PROFILE_PAGE_CALIBRATION } from './clv-fits.ts';
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
        <FormattedMessage id="forecast.clv-thermometer.customerValueNext" /> {THERMOMETER_WEEKS}{' '}
        <FormattedMessage id="forecast.clv-thermometer.weeks" />
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
          <FormattedMessage id="forecast.clv-thermometer.noValueEstimate" /> {state.message}
        </p>
      )}
      {state.status === 'done' && !state.report.ok && (
        <p className="muted">
          <FormattedMessage id="forecast.clv-thermometer.noValueEstimate" /> {state.report.message}
        </p>
      )}
      {score === null && (
        <p className="muted">
          <FormattedMessage id="forecast.clv-thermometer.noPurchasesYetSoNo" />
        </p>
      )}
      {fit !== null && fit.bgnbd.degenerate !== null && (
        <p role="alert">
          <FormattedMessage id="forecast.clv-thermometer.degenerateFit" />{' '}
          {fit.bgnbd.degenerate.message}
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
            <strong>{formatNumber(score.value, 'currency')}</strong>{' '}
            <FormattedMessage id="forecast.clv-thermometer.expected" />{' '}
            {formatNumber(score.expectedPurchases, 'number')}{' '}
            <FormattedMessage id="forecast.clv-thermometer.purchases" />{' '}
            {formatNumber(score.expectedSpend, 'currency')}
            <FormattedMessage id="forecast.clv-thermometer.stillACustomerWithProbability" />{' '}
            {formatNumber(score.probabilityAlive, 'percent')}.
          </p>
          <p className="muted">
            <FormattedMessage id="forecast.clv-thermometer.medianCustomerOfTheSet" />{' '}
            {formatNumber(fit.valueQuantiles.p50, 'currency')}
            <FormattedMessage id="forecast.clv-thermometer.top10From" />{' '}
            {formatNumber(fit.valueQuantiles.p90, 'currency')}
            <FormattedMessage id="forecast.clv-thermometer.modelsFittedOnThePurchases" />{' '}
            {fit.calibrationEnd}
            {fit.warnings.length > 0 &&
              intl.formatMessage({ id: 'forecast.clv-thermometer.withWarningsSeeTheCustomer' })}
            .
          </p>
        </>
      )}
    </section>
  );
}
