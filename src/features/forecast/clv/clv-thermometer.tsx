import { useMemo } from 'react';
import { customerLifetimeValue } from '../../../domain/forecast/clv.ts';
import { rfmSummary } from '../../../domain/forecast/rfm-summary.ts';
import type { Profile } from '../../../domain/profiles/profile.ts';
import { formatNumber } from '../../../ui/kpi/format-number.ts';
import { useClvFit } from './use-clv-fit.ts';
import '../forecast.css';

/** Weeks the thermometer looks ahead. */
export const THERMOMETER_WEEKS = 52;

/**
 * A profile's "value thermometer": expected purchases and value over the next year from the
 * BG/NBD and Gamma-Gamma models fitted to its set (fitted once per set version, in a worker),
 * shown against the set's median and 90th-percentile customer.
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
  const fit = useClvFit(setId, setVersion);
  const score = useMemo(() => {
    if (fit === undefined || !fit.ok) return undefined;
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
      {fit === undefined && <p role="status">Fitting the customer-value models…</p>}
      {fit !== undefined && !fit.ok && <p className="muted">No value estimate: {fit.message}</p>}
      {score === null && <p className="muted">No purchases yet, so no value estimate.</p>}
      {fit?.ok === true && fit.bgnbd.degenerate !== null && (
        <p role="alert">Degenerate fit: {fit.bgnbd.degenerate.message}</p>
      )}
      {score !== undefined && score !== null && fit?.ok === true && (
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
            from {formatNumber(fit.valueQuantiles.p90, 'currency')}.
          </p>
        </>
      )}
    </section>
  );
}
