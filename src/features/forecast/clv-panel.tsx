import { useEffect, useMemo, useState } from 'react';
import type { Profile } from '../../domain/profiles/profile.ts';
import { fitClvInWorker } from '../../workers/clv/fit-clv-in-worker.ts';
import type { ClvOutcome } from '../../domain/forecast/clv-report.ts';
import { KpiCard } from '../../ui/kpi/kpi-card.tsx';
import { KpiGrid } from '../../ui/kpi/kpi-grid.tsx';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { clvEffects, type VariantView } from './forecast-model.ts';
import { lastEventDay } from './clv/last-event-day.ts';

const HORIZONS = [26, 52, 104];

/** Fits BG/NBD and Gamma-Gamma to the set (in a worker) and values the journey's extra conversions. */
export function ClvPanel({ view, profiles }: { view: VariantView; profiles: readonly Profile[] }) {
  const [horizonWeeks, setHorizon] = useState(52);
  const [outcome, setOutcome] = useState<ClvOutcome | null>(null);
  const effects = useMemo(() => clvEffects(view), [view]);
  const calibrationEnd = useMemo(() => lastEventDay(profiles), [profiles]);
  useEffect(() => {
    const abort = new AbortController();
    setOutcome(null);
    fitClvInWorker({ profiles, calibrationEnd, horizonWeeks, effects }, abort.signal).then(
      setOutcome,
      (error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError'))
          setOutcome({
            ok: false,
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
    return () => abort.abort();
  }, [profiles, calibrationEnd, horizonWeeks, effects]);
  const p = (n: number) => formatNumber(n, 'number');
  return (
    <div className="clv-panel">
      <h3>Customer lifetime value</h3>
      <label className="inline-field">
        Horizon{' '}
        <select value={horizonWeeks} onChange={(e) => setHorizon(Number(e.target.value))}>
          {HORIZONS.map((h) => (
            <option key={h} value={h}>
              {h} weeks
            </option>
          ))}
        </select>
      </label>
      {outcome === null && <p role="status">Fitting the purchase and spend models…</p>}
      {outcome !== null && !outcome.ok && (
        <p role="alert">The CLV models could not be fitted to this set: {outcome.message}</p>
      )}
      {outcome !== null && outcome.ok && (
        <>
          <p className="muted">
            Fitted by maximum likelihood to the purchase history of{' '}
            {formatNumber(outcome.customers)} customers up to {calibrationEnd}. BG/NBD: r ={' '}
            {p(outcome.bgnbd.params.r)}, α = {p(outcome.bgnbd.params.alpha)}, a ={' '}
            {p(outcome.bgnbd.params.a)}, b = {p(outcome.bgnbd.params.b)}. Gamma-Gamma: p ={' '}
            {p(outcome.gammaGamma.params.p)}, q = {p(outcome.gammaGamma.params.q)}, γ ={' '}
            {p(outcome.gammaGamma.params.gamma)}.
            {!(outcome.bgnbd.converged && outcome.gammaGamma.converged) &&
              ' The optimiser did not fully converge: treat the figures with care.'}
          </p>
          {outcome.bgnbd.degenerate !== null && (
            <p role="alert" className="clv-degenerate">
              Degenerate fit: {outcome.bgnbd.degenerate.message} The lifetime values below are not
              reliable.
            </p>
          )}
          {outcome.effect !== null ? (
            <KpiGrid label="Projected CLV effect">
              <KpiCard
                label="Journey revenue"
                value={outcome.effect.immediateRevenue}
                format="currency"
              />
              <KpiCard
                label={`Future value change (${horizonWeeks} wk)`}
                value={outcome.effect.futureValueChange}
                format="currency"
              />
              <KpiCard
                label="Total CLV effect"
                value={outcome.effect.totalEffect}
                format="currency"
                detail={
                  view.hasControl
                    ? 'extra conversions measured against the control group'
                    : 'no control group: every simulated conversion counted as extra'
                }
              />
            </KpiGrid>
          ) : (
            <p className="muted">No simulated conversions to value.</p>
          )}
        </>
      )}
    </div>
  );
}
