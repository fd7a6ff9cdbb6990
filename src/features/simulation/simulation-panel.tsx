import { FormattedMessage, useIntl } from 'react-intl';
import { failureReasonOf, type FailureReason } from '../../domain/failure/failure-reason.ts';
import { failureCause } from '../../i18n/failure-words.ts';
import {
  startTransition,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { JourneyDocument } from '../../domain/index.ts';
import type { SimulationRun } from '../../storage/simulation-runs.ts';
import { channelsOf } from './journey-channels.ts';
import { RunProgress, RunStatusMessage } from './run-progress.tsx';
import { SimulationForm, type SimulationFormValue } from './simulation-form.tsx';
import { overlayFromResult, type CountsOverlay } from '../../domain/simulate/counts-overlay.ts';
import {
  useSimulationServices,
  type SimulationProfileSet,
  type SimulationServices,
} from './simulation-services.tsx';
import { compileForSimulation } from './spec-version.ts';
import { EMPTY_FORM, formFrom, runOptions, withSetSpan } from './panel-form-values.ts';
import { useLiveProfileSets } from './use-live-profile-sets.ts';
import { useSetSpan } from './use-set-span.ts';
import { useSimulationRunner } from './use-simulation-runner.ts';
import { useRunRehearsal } from './use-run-rehearsal.ts';
import { useBackgroundHold, type AheadOfBackgroundWork } from './use-background-hold.ts';
import { onDemand, usePrefetchWhenIdle } from '../../ui/on-demand.tsx';
import './simulation.css';

/**
 * A run's result (figures, charts, tables, traces, exports) is not needed to edit a journey, so it
 * stays out of the editor's first load; it is fetched when the browser is idle after the panel
 * mounts, so the first run does not wait for it, and then drawn in the same commit as the result
 * (a plain `lazy` would suspend once more and React would hold the reveal back).
 */
const ResultView = onDemand(async () => {
  const module = await import('./simulation-result.tsx');
  // The charts' plotting code too, so the first result is drawn in one commit, plots included.
  await module.prefetchResultParts();
  return module.SimulationResultView;
});

export interface SimulationPanelProps {
  /** The journey as edited now. */
  document: JourneyDocument;
  /** Draws counts (and a trace's path) on the canvas; null clears them. */
  onOverlay(overlay: CountsOverlay | null): void;
  /** Selects a step on the canvas and brings it into view. */
  onFocusStep(stepId: string): void;
  /**
   * Runs a simulation ahead of the app's background work (another feature's, composed in
   * `app/`): on two cores, a customer-value fit of a just-generated set took about a third of the
   * CPU from the first run.
   */
  aheadOfBackgroundWork?: AheadOfBackgroundWork;
}

/**
 * The editor's simulation panel: choose a profile set, period, seed and assumptions; run in
 * Web Workers with progress and cancel; see the result on the canvas and in figures, charts,
 * tables and traces. Reopening a journey shows its last run, marked stale once it changed.
 */
export function SimulationPanel({
  document,
  onOverlay,
  onFocusStep,
  aheadOfBackgroundWork,
}: SimulationPanelProps) {
  const intl = useIntl();
  const settingsId = useId();
  const provided = useSimulationServices();
  const services = useMemo(
    (): SimulationServices =>
      aheadOfBackgroundWork === undefined
        ? provided
        : { ...provided, run: (request) => aheadOfBackgroundWork(provided.run(request)) },
    [provided, aheadOfBackgroundWork],
  );
  const deferred = useDeferredValue(document);
  const compiled = useMemo(() => compileForSimulation(deferred), [deferred]);
  const channels = useMemo(() => channelsOf(deferred), [deferred]);
  const liveSets = useLiveProfileSets(services);
  const sets = liveSets !== undefined && 'sets' in liveSets ? liveSets.sets : null;
  const [form, setForm] = useState<SimulationFormValue>(EMPTY_FORM);
  const [run, setRun] = useState<SimulationRun | null>(null);
  const [path, setPath] = useState<readonly string[] | null>(null);
  const [showCounts, setShowCounts] = useState(true);
  const [runLoadError, setRunLoadError] = useState<FailureReason | null>(null);
  const [last, setLast] = useState<{ journeyId: string; run: SimulationRun | null } | null>(null);
  const journeyId = document.id;
  const loadError =
    runLoadError ?? (liveSets !== undefined && 'error' in liveSets ? liveSets.error : null);

  useEffect(() => {
    let live = true;
    services.runs.latestForJourney(journeyId).then(
      (found) => {
        if (live) setLast({ journeyId, run: found });
      },
      (error: unknown) => {
        if (live) setRunLoadError(failureReasonOf(error));
      },
    );
    return () => {
      live = false;
    };
  }, [services, journeyId]);

  // Once the sets and the journey's last run are read, the form starts from that run (in the
  // render that first shows the sets); later changes to the sets leave the person's choices alone.
  const [formFor, setFormFor] = useState<string | null>(null);
  if (sets !== null && last?.journeyId === journeyId && formFor !== journeyId) {
    setFormFor(journeyId);
    setForm(formFrom(last.run, sets));
  }
  const settingsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (last === null) return;
    startTransition(() => {
      setRun(last.run);
      // Someone already in the settings keeps them open: folding them would drop their focus.
      if (settingsRef.current?.matches(':focus-within')) setSettingsOpenFor(last.run?.id ?? null);
    });
  }, [last]);

  // A transition lets React draw the result in small slices instead of one long task.
  const onFinished = useCallback((finished: SimulationRun) => {
    startTransition(() => {
      setRun(finished);
      setPath(null);
      setShowCounts(true);
    });
  }, []);
  const runner = useSimulationRunner(services, onFinished);
  const running = runner.state.status === 'running';

  const selectedSet = sets?.find((s) => s.id === form.setId);
  // The chosen set as last seen, to name it should it be deleted meanwhile.
  const [chosen, setChosen] = useState<SimulationProfileSet | undefined>(undefined);
  if (selectedSet !== undefined && selectedSet !== chosen) setChosen(selectedSet);
  const chosenGone =
    sets !== null && form.setId !== null && selectedSet === undefined && chosen?.id === form.setId;
  const setSpan = useSetSpan(
    services,
    selectedSet,
    form.start === null || form.horizonDays === null,
  );
  // The form as shown and run: the set's span fills the period the person has not set.
  const shown = withSetSpan(form, setSpan.span);
  // The workers read the chosen set while the person sets up the run, so Run starts from memory.
  const warmKey =
    selectedSet && selectedSet.count > 0 ? `${selectedSet.id}:${selectedSet.updatedAt}` : null;
  useBackgroundHold(aheadOfBackgroundWork, warmKey, running);
  const toWarm = useRef(selectedSet);
  toWarm.current = selectedSet;
  useEffect(() => {
    const set = toWarm.current;
    if (warmKey !== null && set !== undefined) services.warm?.(set);
  }, [services, warmKey]);

  const { steps, connections } = document;
  useEffect(() => {
    onOverlay(
      run && showCounts
        ? overlayFromResult(run.result, { steps, connections }, path ?? undefined)
        : null,
    );
  }, [run, showCounts, path, steps, connections, onOverlay]);
  useEffect(() => () => onOverlay(null), [onOverlay]);
  usePrefetchWhenIdle(ResultView);

  const stale = run !== null && (!compiled.ok || compiled.specHash !== run.specHash);
  // The run's settings step aside for its result (the panel is short on a laptop) until asked
  // for again: opened for one run, they fold once the next one comes.
  const [settingsOpenFor, setSettingsOpenFor] = useState<string | null>(null);
  const settingsShown = run === null || settingsOpenFor === run.id;
  const ready =
    compiled.ok &&
    selectedSet !== undefined &&
    selectedSet.count > 0 &&
    shown.start !== null &&
    shown.horizonDays !== null;

  const options = runOptions(shown);
  useRunRehearsal(
    services,
    ready && compiled.ok && options !== null
      ? { spec: compiled.spec, specHash: compiled.specHash, set: selectedSet, options }
      : null,
    running,
  );

  const start = (): void => {
    // Run pressed right after an edit can come before the deferred compile caught up with it:
    // simulate the journey as it is now, not the version before the edit.
    const current = deferred === document ? compiled : compileForSimulation(document);
    if (!current.ok || !selectedSet || options === null) return;
    // The result view's code, should the idle prefetch not have come yet: fetched while the
    // workers simulate, so the result is drawn when it comes.
    void ResultView.prefetch();
    void runner.start({
      spec: current.spec,
      specHash: current.specHash,
      journeyId: document.id,
      journeyName: document.name,
      set: selectedSet,
      options,
    });
  };

  return (
    <div className="sim-panel">
      <div className="sim-panel-head">
        <h2>
          <FormattedMessage id="editor.simulation-panel.simulation" />
        </h2>
        {running ? (
          <button type="button" className="btn" onClick={runner.cancel}>
            <FormattedMessage id="editor.simulation-panel.cancel" />
          </button>
        ) : (
          <button type="button" className="btn btn-primary" disabled={!ready} onClick={start}>
            <FormattedMessage id="editor.simulation-panel.runSimulation" />
          </button>
        )}
        {run && (
          <button
            type="button"
            className="btn"
            aria-expanded={settingsShown}
            aria-controls={settingsId}
            onClick={() => setSettingsOpenFor(settingsShown ? null : run.id)}
          >
            <FormattedMessage id="editor.simulation-panel.runSettings" />
          </button>
        )}
        {run && (
          <label className="sim-toggle">
            <input
              type="checkbox"
              checked={showCounts}
              onChange={(e) => setShowCounts(e.currentTarget.checked)}
            />
            <FormattedMessage id="editor.simulation-panel.showCountsOnTheCanvas" />
          </label>
        )}
      </div>
      {!compiled.ok && (
        <p className="sim-blocked" role="status">
          <FormattedMessage
            id="editor.simulation-panel.fixTheErrorsBeforeSimulating"
            values={{ count: compiled.errors }}
          />
        </p>
      )}
      {selectedSet?.count === 0 && (
        <p className="sim-blocked" role="status">
          <FormattedMessage
            id="editor.simulation-panel.setHasNoProfiles"
            values={{ set: selectedSet.name }}
          />
        </p>
      )}
      {chosenGone && (
        <p className="sim-blocked" role="status">
          <FormattedMessage
            id="editor.simulation-panel.setWasDeleted"
            values={{ set: chosen.name }}
          />
        </p>
      )}
      {loadError !== null && (
        <p className="field-error" role="alert">
          <FormattedMessage
            id="editor.simulation-panel.couldNotLoadProfileSets"
            values={{ cause: failureCause(intl, loadError) }}
          />
        </p>
      )}
      <div className={settingsShown ? 'sim-body' : 'sim-body sim-body--result-only'}>
        {/* Folded, the form stays mounted: what was typed in it is kept. */}
        <div id={settingsId} ref={settingsRef} className="sim-settings" hidden={!settingsShown}>
          <SimulationForm
            sets={sets}
            value={shown}
            onChange={setForm}
            channels={channels}
            spanLoading={setSpan.loading}
            disabled={running}
          />
        </div>
        <div className="sim-output">
          {runner.state.status === 'running' ? (
            <RunProgress progress={runner.state.progress} total={selectedSet?.count ?? 0} />
          ) : (
            <RunStatusMessage state={runner.state} />
          )}
          {run ? (
            <Suspense
              fallback={
                <p className="muted">
                  <FormattedMessage id="editor.simulation-panel.loadingTheResult" />
                </p>
              }
            >
              <ResultView.Component
                run={run}
                stale={stale}
                onFocusStep={onFocusStep}
                onPath={setPath}
              />
            </Suspense>
          ) : (
            !running && (
              <p className="muted">
                <FormattedMessage id="editor.simulation-panel.runTheJourneyOverA" />
              </p>
            )
          )}
        </div>
      </div>
    </div>
  );
}
