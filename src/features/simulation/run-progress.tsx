import { FormattedMessage, useIntl } from 'react-intl';
import { failureCause } from '../../i18n/failure-words.ts';
import type { SimulationProgress } from '../../workers/simulation/run-simulation.ts';
import { count } from './format.ts';
import type { RunStatus } from './use-simulation-runner.ts';

/** The running simulation's progress bar with the profiles done and an estimate of time left. */
export function RunProgress({
  progress,
  total,
}: {
  progress: SimulationProgress | null;
  total: number;
}) {
  const intl = useIntl();
  const done = progress?.done ?? 0;
  const max = progress?.total ?? total;
  const percent = max > 0 ? Math.min(100, (done / max) * 100) : 0;
  const seconds = progress?.etaMs == null ? 0 : Math.max(1, Math.round(progress.etaMs / 1000));
  const eta = intl.formatMessage(
    { id: 'sim.run-progress.timeLeft' },
    {
      stage: progress === null ? 'reading' : progress.etaMs === null ? 'estimating' : 'known',
      unit: seconds < 60 ? 'seconds' : 'minutes',
      n: seconds < 60 ? seconds : Math.round(seconds / 60),
    },
  );
  const counted = { done: count(done), max: count(max), count: max };
  return (
    <div className="sim-progress">
      <div className="sim-progress-label">
        <span>
          <FormattedMessage id="sim.run-progress.simulatingOf" values={counted} />
        </span>
        <span className="muted">{eta}</span>
      </div>
      <div
        className="sim-progress-track"
        role="progressbar"
        aria-label={intl.formatMessage({ id: 'sim.run-progress.simulating' })}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={done}
        aria-valuetext={intl.formatMessage(
          { id: 'sim.run-progress.progressText' },
          { ...counted, eta },
        )}
      >
        <div className="sim-progress-fill" style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
    </div>
  );
}

/** What happened to the last run started, when it did not finish. */
export function RunStatusMessage({ state }: { state: RunStatus }) {
  const intl = useIntl();
  if (state.status === 'cancelled') {
    return (
      <p role="status" className="sim-status">
        <FormattedMessage id="sim.run-progress.simulationCancelledNothingWasSaved" />
      </p>
    );
  }
  if (state.status === 'saving') {
    return (
      <p role="status" className="sim-status muted">
        <FormattedMessage id="sim.run-progress.savingTheRun" />
      </p>
    );
  }
  if (state.status === 'unsaved') {
    return (
      <p role="alert" className="field-error">
        <FormattedMessage
          id="sim.run-progress.theResultIsShownButNotSaved"
          values={{ cause: failureCause(intl, state.reason) }}
        />
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p role="alert" className="field-error">
        <FormattedMessage
          id="sim.run-progress.theSimulationFailed"
          values={{ cause: failureCause(intl, state.reason) }}
        />
      </p>
    );
  }
  return null;
}
