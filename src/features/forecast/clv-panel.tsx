import { FormattedMessage, useIntl } from 'react-intl';
import { useEffect, useMemo, useState } from 'react';
import { getAppDb } from '../../storage/app-storage.ts';
import { fitClvInWorker } from '../../workers/clv/fit-clv-in-worker.ts';
import type { SetClvFit } from '../../workers/clv/fit-set-clv.ts';
import { KpiCard } from '../../ui/kpi/kpi-card.tsx';
import { KpiGrid } from '../../ui/kpi/kpi-grid.tsx';
import { formatDay } from '../../ui/kpi/format-day.ts';
import { formatNumber } from '../../ui/kpi/format-number.ts';
import { clvEffects, type VariantView } from './forecast-model.ts';
import { clvFailureValues, describeDegenerateFit, formatParameter } from './clv/clv-wording.ts';
import { failureReasonOf } from '../../domain/failure/failure-reason.ts';

const HORIZONS = [26, 52, 104];

/**
 * Fits BG/NBD and Gamma-Gamma to a stored set and values the journey's extra conversions, in a
 * worker that reads the set itself: the page sends the set's id, never its profiles.
 */
export function ClvPanel({ view, setId }: { view: VariantView; setId: string }) {
  const intl = useIntl();
  const [horizonWeeks, setHorizon] = useState(52);
  const [fit, setFit] = useState<SetClvFit | null>(null);
  const effects = useMemo(() => clvEffects(view), [view]);
  useEffect(() => {
    const abort = new AbortController();
    setFit(null);
    fitClvInWorker(getAppDb(), { setId, horizonWeeks, effects }, abort.signal).then(
      setFit,
      (error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError'))
          setFit({
            calibrationEnd: null,
            outcome: {
              ok: false,
              message: error instanceof Error ? error.message : String(error),
              failure: failureReasonOf(error),
            },
          });
      },
    );
    return () => abort.abort();
  }, [setId, horizonWeeks, effects]);
  const outcome = fit?.outcome ?? null;
  const calibrationEnd = fit?.calibrationEnd == null ? '' : formatDay(fit.calibrationEnd);
  const p = formatParameter;
  return (
    <div className="clv-panel">
      <h3>
        <FormattedMessage id="forecast.clv-panel.customerLifetimeValue" />
      </h3>
      <label className="inline-field">
        <FormattedMessage id="forecast.clv-panel.horizon" />{' '}
        <select value={horizonWeeks} onChange={(e) => setHorizon(Number(e.target.value))}>
          {HORIZONS.map((h) => (
            <option key={h} value={h}>
              {intl.formatMessage({ id: 'forecast.clv-panel.horizonWeeks' }, { weeks: h })}
            </option>
          ))}
        </select>
      </label>
      {outcome === null && (
        <p role="status">
          <FormattedMessage id="forecast.clv-panel.fittingThePurchaseAndSpend" />
        </p>
      )}
      {outcome !== null && !outcome.ok && (
        <p role="alert">
          <FormattedMessage
            id="forecast.clv-panel.theClvModelsCouldNot"
            values={clvFailureValues(intl, {
              ...outcome,
              calibrationEnd: fit?.calibrationEnd ?? null,
            })}
          />
        </p>
      )}
      {outcome !== null && outcome.ok && (
        <>
          <p className="muted">
            <FormattedMessage
              id="forecast.clv-panel.fitted"
              values={{
                customers: formatNumber(outcome.customers),
                calibrationEnd,
                r: p(outcome.bgnbd.params.r),
                alpha: p(outcome.bgnbd.params.alpha),
                a: p(outcome.bgnbd.params.a),
                b: p(outcome.bgnbd.params.b),
                p: p(outcome.gammaGamma.params.p),
                q: p(outcome.gammaGamma.params.q),
                gamma: p(outcome.gammaGamma.params.gamma),
                bgnbd: formatNumber(outcome.bgnbd.logLikelihood, 'number'),
                gammaGamma: formatNumber(outcome.gammaGamma.logLikelihood, 'number'),
              }}
            />{' '}
            {!(outcome.bgnbd.converged && outcome.gammaGamma.converged) && (
              <>
                <FormattedMessage id="forecast.clv-panel.theOptimiserDidNotFully" />{' '}
              </>
            )}
            <FormattedMessage id="forecast.clv-panel.theCustomerValuePageChecks" />
          </p>
          {outcome.bgnbd.degenerate !== null && (
            <p role="alert" className="clv-degenerate">
              <FormattedMessage
                id="forecast.clv-panel.degenerateFit"
                values={{
                  degenerate: describeDegenerateFit(intl, {
                    reason: outcome.bgnbd.degenerate.reason,
                    customers: outcome.customers,
                    a: outcome.bgnbd.params.a,
                    b: outcome.bgnbd.params.b,
                  }),
                }}
              />
            </p>
          )}
          {outcome.effect !== null ? (
            <KpiGrid label={intl.formatMessage({ id: 'forecast.clv-panel.projectedClvEffect' })}>
              <KpiCard
                label={intl.formatMessage({ id: 'forecast.clv-panel.journeyRevenue' })}
                value={outcome.effect.immediateRevenue}
                format="currency"
              />
              <KpiCard
                label={intl.formatMessage(
                  { id: 'forecast.clv-panel.futureValueChange' },
                  { weeks: horizonWeeks },
                )}
                value={outcome.effect.futureValueChange}
                format="currency"
              />
              <KpiCard
                label={intl.formatMessage({ id: 'forecast.clv-panel.totalClvEffect' })}
                value={outcome.effect.totalEffect}
                format="currency"
                detail={
                  view.hasControl
                    ? intl.formatMessage({
                        id: 'forecast.clv-panel.extraConversionsMeasuredAgainstThe',
                      })
                    : intl.formatMessage({ id: 'forecast.clv-panel.noControlGroupEverySimulated' })
                }
              />
            </KpiGrid>
          ) : (
            <p className="muted">
              <FormattedMessage id="forecast.clv-panel.noSimulatedConversionsToValue" />
            </p>
          )}
        </>
      )}
    </div>
  );
}
