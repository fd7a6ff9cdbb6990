import { FormattedMessage, useIntl } from 'react-intl';
import type { SimulationProgress } from '../../workers/simulation/run-simulation.ts';
import { count, formatEta } from './format.ts';
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
  const eta =
    progress === null
      ? 'Reading profiles…'
      : progress.etaMs === null
        ? 'Estimating time left…'
        : `${formatEta(progress.etaMs)} left`;
  return (
    <div className="sim-progress">
      <div className="sim-progress-label">
        <span>
          <FormattedMessage id="sim.run-progress.simulating" /> {count(done)}{' '}
          <FormattedMessage id="sim.run-progress.of" /> {count(max)}{' '}
          <FormattedMessage id="sim.run-progress.profiles" />
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
        aria-valuetext={`${count(done)} of ${count(max)} profiles, ${eta}`}
      >
        <div className="sim-progress-fill" style={{ transform: `scaleX(${percent / 100})` }} />
      </div>
    </div>
  );
}

/** What happened to the last run started, when it did not finish. */
export function RunStatusMessage({ state }: { state: RunStatus }) {
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
        <FormattedMessage id="sim.run-progress.theResultIsShownButNotSaved" /> {state.message}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p role="alert" className="field-error">
        <FormattedMessage id="sim.run-progress.theSimulationFailed" /> {state.message}
      </p>
    );
  }
  return null;
}
