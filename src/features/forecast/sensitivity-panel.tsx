import { defineMessages, type MessageDescriptor } from 'react-intl';
import { failureReasonOf, type FailureReason } from '../../domain/failure/failure-reason.ts';
import { failureCause } from '../../i18n/failure-words.ts';
import type { ChannelBehaviour } from '../../domain/simulate/options.ts';
import { kpiLabel } from '../../i18n/domain-labels.ts';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMemo, useRef, useState } from 'react';
import type { Spec } from '../../domain/compile/spec-schema.ts';
import {
  extractKpis,
  kpiSeries,
  type KpiDefinition,
  type KpiValues,
} from '../../domain/forecast/replications.ts';
import { mean } from '../../domain/forecast/statistics.ts';
import { tornado, type TornadoBar } from '../../domain/forecast/tornado.ts';
import { runForecast } from '../../workers/forecast/run-forecast.ts';
import { aheadOfBackgroundFits } from './clv/clv-fits.ts';
import { changeUnit, formatChange, formatKpi } from './kpi-format.ts';
import { sensitivityVariants } from './sensitivity-model.ts';
import { storedSet } from './use-forecast-sources.ts';
import { TornadoChart } from './tornado-chart.tsx';

const LOW = 0.5;
const HIGH = 1.5;

interface Outcome {
  kpi: KpiDefinition;
  base: number;
  bars: TornadoBar[];
}

const ASSUMPTION_MESSAGES: Partial<Record<keyof ChannelBehaviour, MessageDescriptor>> &
  Record<
    'openRate' | 'clickRate' | 'conversionRate' | 'unsubscribeRate' | 'costPerSend',
    MessageDescriptor
  > = defineMessages({
  openRate: { id: 'forecast.assumption.openRate' },
  clickRate: { id: 'forecast.assumption.clickRate' },
  conversionRate: { id: 'forecast.assumption.conversionRate' },
  unsubscribeRate: { id: 'forecast.assumption.unsubscribeRate' },
  costPerSend: { id: 'forecast.assumption.costPerSend' },
});

/**
 * One-at-a-time sensitivity of a KPI to each behaviour assumption, as a tornado chart, over a
 * stored set (of `count` profiles) that the workers read once for every setting.
 */
export function SensitivityPanel({
  spec,
  setId,
  count,
  period,
  kpis,
  baseKpis,
}: {
  spec: Spec;
  setId: string;
  count: number;
  /** The period the forecast simulated (the span of the set's events). */
  period: { start: number; horizonDays: number };
  kpis: readonly KpiDefinition[];
  /**
   * The journey's KPIs per replication from the forecast just run over the same set and period
   * (replication r with seed 1 + r, as the sensitivity's own): the base setting's runs, which the
   * sensitivity then need not simulate again when there are enough of them.
   */
  baseKpis?: readonly KpiValues[];
}) {
  const intl = useIntl();
  const choices = useMemo(() => kpis.filter((k) => k.key !== 'npsSimulated'), [kpis]);
  const [kpiKey, setKpiKey] = useState(choices[0]?.key ?? 'cost');
  const [replications, setReplications] = useState(5);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<FailureReason | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function run() {
    const kpi = choices.find((k) => k.key === kpiKey);
    if (kpi === undefined) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const variants = sensitivityVariants(LOW, HIGH);
    const known = baseKpis !== undefined && baseKpis.length >= replications;
    /** The settings to simulate: all, or all but the base (index 0) the forecast ran. */
    const toRun = known ? variants.slice(1) : variants;
    setOutcome(null);
    setError(null);
    setProgress({ done: 0, total: replications });
    try {
      const result = await aheadOfBackgroundFits(
        runForecast({
          variants: toRun.map((v) => ({ spec, options: { ...v.options, ...period } })),
          set: storedSet(setId),
          count,
          replications,
          // The tornado reads the KPIs only: no profile's trace is worth its time here.
          traces: false,
          signal: controller.signal,
          onReplication: (_r, done) => setProgress({ done: done.length, total: replications }),
        }),
      );
      const kpisOf = (v: number): readonly KpiValues[] =>
        known && v === 0
          ? (baseKpis ?? []).slice(0, replications)
          : result.replications.flatMap((r) => {
              const res = r.results[known ? v - 1 : v];
              return res ? [extractKpis(res)] : [];
            });
      const meanOf = (v: number) => mean(kpiSeries(kpisOf(v), kpi.key));
      const base = meanOf(0);
      const bars = tornado(
        base,
        variants.flatMap((v, i) =>
          v.end === 'low' && v.assumption !== null
            ? [
                {
                  name: ASSUMPTION_MESSAGES[v.assumption.field]
                    ? intl.formatMessage(ASSUMPTION_MESSAGES[v.assumption.field]!)
                    : v.assumption.label,
                  low: meanOf(i),
                  high: meanOf(i + 1),
                },
              ]
            : [],
        ),
      );
      setOutcome({ kpi, base, bars });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'AbortError')) setError(failureReasonOf(e));
    } finally {
      if (abort.current === controller) setProgress(null);
    }
  }

  return (
    <section className="forecast-section" aria-labelledby="sensitivity-heading">
      <h2 id="sensitivity-heading">
        <FormattedMessage id="forecast.sensitivity-panel.sensitivity" />
      </h2>
      <p className="muted">
        <FormattedMessage
          id="forecast.sensitivity-panel.whichAssumptionMovesAKpi"
          values={{ low: LOW, high: HIGH }}
        />
      </p>
      <div className="forecast-controls">
        <label className="inline-field">
          <FormattedMessage id="forecast.sensitivity-panel.kpi" />{' '}
          <select value={kpiKey} onChange={(e) => setKpiKey(e.target.value)}>
            {choices.map((k) => (
              <option key={k.key} value={k.key}>
                {kpiLabel(intl, k)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <FormattedMessage id="forecast.sensitivity-panel.replicationsPerSetting" />{' '}
          <input
            type="number"
            min={2}
            max={50}
            value={replications}
            onChange={(e) =>
              setReplications(Math.max(2, Math.min(50, Number(e.target.value) || 2)))
            }
          />
        </label>
        {progress === null ? (
          <button type="button" className="btn" onClick={() => void run()}>
            <FormattedMessage id="forecast.sensitivity-panel.runSensitivity" />
          </button>
        ) : (
          <>
            <span role="status">
              <FormattedMessage
                id="forecast.sensitivity-panel.progress"
                values={{ done: progress.done, total: progress.total }}
              />
            </span>
            <button type="button" className="btn" onClick={() => abort.current?.abort()}>
              <FormattedMessage id="forecast.sensitivity-panel.cancelSensitivity" />
            </button>
          </>
        )}
      </div>
      {error !== null && (
        <p role="alert">
          <FormattedMessage
            id="forecast.sensitivity-panel.failed"
            values={{ cause: failureCause(intl, error) }}
          />
        </p>
      )}
      {outcome !== null && (
        <TornadoChart
          title={intl.formatMessage(
            { id: 'forecast.sensitivity-panel.whatMoves' },
            { kpi: kpiLabel(intl, outcome.kpi).toLowerCase() },
          )}
          bars={outcome.bars}
          base={outcome.base}
          format={(n) => formatKpi(outcome.kpi.unit, n)}
          formatChange={(n) => formatChange(outcome.kpi.unit, n)}
          changeUnit={changeUnit(intl, outcome.kpi.unit)}
          lowLabel={intl.formatMessage(
            { id: 'forecast.sensitivity-panel.factor' },
            { factor: LOW },
          )}
          highLabel={intl.formatMessage(
            { id: 'forecast.sensitivity-panel.factor' },
            { factor: HIGH },
          )}
        />
      )}
    </section>
  );
}
