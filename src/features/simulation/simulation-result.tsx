import { FormattedMessage, useIntl } from 'react-intl';
import { withResultMessages } from '../../i18n/with-result-messages.tsx';
import { memo } from 'react';
import type { SimulationRun } from '../../storage/simulation-runs.ts';
import { formatDay, formatWhen } from './format.ts';
import { ResultCharts } from './result-charts.tsx';
import { ResultKpis } from './result-kpis.tsx';
import { FunnelTable, StepsTable, SuppressionsTable } from './result-tables.tsx';
import { RefusedEntriesTable, StoppedWarning } from './run-warnings.tsx';
import { RunExports } from './run-exports.tsx';
import { NoEntryReasons } from '../../ui/no-entry-reasons.tsx';
import { TraceViewer } from './trace-viewer.tsx';
import { prefetchSeriesPlot } from '../../ui/charts/lazy-series-plot.tsx';

/** The code the view loads on demand itself (the charts' plots), fetched along with the view. */
export const prefetchResultParts = (): Promise<unknown> => prefetchSeriesPlot();

interface SimulationResultViewProps {
  run: SimulationRun;
  /** The journey changed since this run. */
  stale: boolean;
  onFocusStep(stepId: string): void;
  /** A trace's path to light on the canvas, or null. */
  onPath(stepIds: readonly string[] | null): void;
}

/**
 * Everything a finished run shows: figures, charts, tables, traces and exports. Memoised, so
 * the panel's progress updates during the next run do not draw it again.
 */
const ResultView = memo(function ResultView({
  run,
  stale,
  onFocusStep,
  onPath,
}: SimulationResultViewProps) {
  const intl = useIntl();
  const { result } = run;
  return (
    <div className="sim-result">
      <div className="sim-result-head">
        <p className="sim-result-meta">
          <FormattedMessage
            id="sim.simulation-result.meta"
            values={{
              when: formatWhen(run.createdAt),
              set: run.profileSetName,
              profiles: run.profileCount,
              from: formatDay(result.start),
              to: formatDay(result.end - 1),
              seed: String(result.seed),
            }}
          />
        </p>
        {stale && (
          <p className="badge badge-warning sim-stale" role="note">
            <FormattedMessage id="sim.simulation-result.staleTheJourneyChangedSince" />
          </p>
        )}
        <RunExports run={run} />
      </div>
      {run.noEntry !== undefined && (
        <NoEntryReasons
          reasons={run.noEntry}
          stepLabel={(stepId) => result.steps[stepId]?.label || stepId}
        />
      )}
      <StoppedWarning result={result} onFocusStep={onFocusStep} />
      <ResultKpis result={result} />
      <ResultCharts result={result} />
      <div className="sim-tables">
        <FunnelTable result={result} />
        <RefusedEntriesTable result={result} />
        <SuppressionsTable result={result} />
      </div>
      <details className="sim-section">
        <summary>
          <FormattedMessage id="sim.simulation-result.steps" />
        </summary>
        <StepsTable result={result} onFocusStep={onFocusStep} />
      </details>
      <section
        className="sim-section"
        aria-label={intl.formatMessage({ id: 'sim.simulation-result.traceViewer' })}
      >
        <h3>
          <FormattedMessage id="sim.simulation-result.followOneProfile" />
        </h3>
        <TraceViewer key={run.id} result={result} onPath={onPath} onFocusStep={onFocusStep} />
      </section>
    </div>
  );
});

/** The result view, with the English words of traces that ship with it, not the first load. */
export const SimulationResultView = withResultMessages(ResultView);
