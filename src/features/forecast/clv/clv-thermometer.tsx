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
      <h3 id="clv-thermometer-heading">Customer value, next {THERMOMETER_WEEKS} weeks</h3>
      {(state.status === 'loading' || state.status === 'fitting') && (
        <p role="status">
          {state.status === 'fitting'
            ? 'Fitting the customer-value models (once per version of this set)…'
            : 'Reading the customer-value models…'}
        </p>
      )}
      {state.status === 'failed' && <p className="muted">No value estimate: {state.message}</p>}
      {state.status === 'done' && !state.report.ok && (
        <p className="muted">No value estimate: {state.report.message}</p>
      )}
      {score === null && <p className="muted">No purchases yet, so no value estimate.</p>}
      {fit !== null && fit.bgnbd.degenerate !== null && (
        <p role="alert">Degenerate fit: {fit.bgnbd.degenerate.message}</p>
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
            aria-label="Expected value"
            aria-valuetext={formatNumber(score.value, 'currency')}
          />
          <p>
            <strong>{formatNumber(score.value, 'currency')}</strong> expected:{' '}
            {formatNumber(score.expectedPurchases, 'number')} purchases ×{' '}
            {formatNumber(score.expectedSpend, 'currency')}; still a customer with probability{' '}
            {formatNumber(score.probabilityAlive, 'percent')}.
          </p>
          <p className="muted">
            Median customer of the set {formatNumber(fit.valueQuantiles.p50, 'currency')}, top 10%
            from {formatNumber(fit.valueQuantiles.p90, 'currency')}. Models fitted on the purchases
            up to {fit.calibrationEnd}
            {fit.warnings.length > 0 && ' — with warnings: see the Customer value page'}.
          </p>
        </>
      )}
    </section>
  );
}
