import { useCallback, useEffect, useRef, useState } from 'react';
import { simulationOptionsSchema, type SimulationOptions, type Spec } from '../../domain/index.ts';
import { failureReasonOf, type FailureReason } from '../../domain/failure/failure-reason.ts';
import { diagnoseNoEntries, type NoEntryReason } from '../../domain/diagnose/no-entry-diagnosis.ts';
import { SIMULATION_RUN_VERSION, type SimulationRun } from '../../storage/simulation-runs.ts';
import type { SimulationProgress } from '../../workers/simulation/run-simulation.ts';
import type { SimulationProfileSet, SimulationServices } from './simulation-services.tsx';

/** Where a run stands. */
export type RunStatus =
  | { status: 'idle' }
  | { status: 'running'; progress: SimulationProgress | null }
  | { status: 'cancelled' }
  | { status: 'failed'; reason: FailureReason }
  /** The run finished and is shown; it is being stored. */
  | { status: 'saving' }
  /** The run finished and is shown, but storing it failed. */
  | { status: 'unsaved'; reason: FailureReason };

/** Everything the panel needs to start a run. */
export interface StartRun {
  spec: Spec;
  specHash: string;
  journeyId: string;
  journeyName: string;
  set: SimulationProfileSet;
  options: SimulationOptions & { start: number; horizonDays: number };
}

/** Performance marks: the workers' merged result is in; the run is stored. */
export const RESULT_MARK = 'wayfinder:simulation-result';
export const SAVED_MARK = 'wayfinder:simulation-saved';

/**
 * Runs `work` with the browser's leave-page warning on, so a reload in the moment between a run
 * drawn and stored asks first instead of losing the run.
 */
async function whileLeavingWarns<T>(work: () => Promise<T>): Promise<T> {
  const warn = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    // Older Chromium shows the prompt only when returnValue is set.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', warn);
  try {
    return await work();
  } finally {
    window.removeEventListener('beforeunload', warn);
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * When nobody entered, the likely reasons, from counts the workers make over the set; undefined
 * when somebody entered or the counts could not be made (the run is shown without them).
 */
async function noEntryReasons(
  services: SimulationServices,
  input: StartRun,
  result: SimulationRun['result'],
  signal: AbortSignal,
): Promise<NoEntryReason[] | undefined> {
  if (result.profilesEntered > 0 || services.diagnose === undefined) return undefined;
  try {
    const evidence = await services.diagnose({ ...input, signal });
    return diagnoseNoEntries(input.spec, result, evidence) ?? undefined;
  } catch (error) {
    if (isAbort(error)) throw error;
    return undefined;
  }
}

/** The run as it will be stored (the repository checks it in full as it stores it). */
function finishedRun(
  input: StartRun,
  result: SimulationRun['result'],
  began: number,
  noEntry: NoEntryReason[] | undefined,
) {
  return {
    ...(noEntry === undefined ? {} : { noEntry }),
    runVersion: SIMULATION_RUN_VERSION,
    id: crypto.randomUUID(),
    createdAt: Date.now(),
    revision: 1,
    journeyId: input.journeyId,
    journeyName: input.journeyName,
    specHash: input.specHash,
    profileSetId: input.set.id,
    profileSetName: input.set.name,
    profileCount: input.set.count,
    durationMs: Math.max(0, performance.now() - began),
    options: simulationOptionsSchema.parse(input.options),
    result,
  } satisfies SimulationRun;
}

/**
 * Runs simulations through the services, one at a time: progress while running, cancel, and
 * the finished run handed to `onFinished` at once and stored after (checking a run with
 * hundreds of traces and writing it takes longer than drawing it; a person waits for the
 * drawing). A run that could not be stored stays shown, with the reason. Unmounting cancels a
 * run in progress.
 */
export function useSimulationRunner(
  services: SimulationServices,
  onFinished: (run: SimulationRun) => void,
) {
  const [state, setState] = useState<RunStatus>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (input: StartRun) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: 'running', progress: null });
      const began = performance.now();
      try {
        const result = await services.run({
          spec: input.spec,
          set: input.set,
          options: input.options,
          signal: abort.signal,
          onProgress: (progress) => {
            if (!abort.signal.aborted) setState({ status: 'running', progress });
          },
        });
        // Marks for the bench (`tests/bench/browser/simulation-panel.ts`): where the time after
        // a click goes, workers, drawing, storing.
        performance.mark(RESULT_MARK);
        if (abort.signal.aborted)
          throw new DOMException('The simulation was cancelled', 'AbortError');
        const noEntry = await noEntryReasons(services, input, result, abort.signal);
        if (abort.signal.aborted)
          throw new DOMException('The simulation was cancelled', 'AbortError');
        const run = finishedRun(input, result, began, noEntry);
        controller.current = null;
        setState({ status: 'saving' });
        finished.current(run);
        try {
          await whileLeavingWarns(() => services.runs.save(run));
          performance.mark(SAVED_MARK);
          if (controller.current === null) setState({ status: 'idle' });
        } catch (error) {
          // Only when no newer run started meanwhile: its state is the one to show.
          if (controller.current === null)
            setState({ status: 'unsaved', reason: failureReasonOf(error) });
        }
      } catch (error) {
        if (controller.current !== abort) return;
        setState(
          isAbort(error)
            ? { status: 'cancelled' }
            : { status: 'failed', reason: failureReasonOf(error) },
        );
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [services],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { state, start, cancel };
}
