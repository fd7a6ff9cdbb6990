import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimulationOptions, Spec } from '../../domain/index.ts';
import type { SimulationRun } from '../../storage/simulation-runs.ts';
import type { SimulationProgress } from '../../workers/simulation/run-simulation.ts';
import type { SimulationProfileSet, SimulationServices } from './simulation-services.tsx';

/** Where a run stands. */
export type RunStatus =
  | { status: 'idle' }
  | { status: 'running'; progress: SimulationProgress | null }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

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

/** Resolves in a later task, so work after it does not lengthen the task that came before. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Runs simulations through the services, one at a time: progress while running, cancel, and
 * the finished run saved and handed to `onFinished`. Unmounting cancels a run in progress.
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
        // a click goes, workers, storing, drawing.
        performance.mark(RESULT_MARK);
        // The last worker's message already merged the partitions; check and store the run in
        // a task of its own.
        await nextTask();
        if (abort.signal.aborted)
          throw new DOMException('The simulation was cancelled', 'AbortError');
        const run = await services.runs.save({
          journeyId: input.journeyId,
          journeyName: input.journeyName,
          specHash: input.specHash,
          profileSetId: input.set.id,
          profileSetName: input.set.name,
          profileCount: input.set.count,
          durationMs: Math.max(0, performance.now() - began),
          options: input.options,
          result,
        });
        performance.mark(SAVED_MARK);
        setState({ status: 'idle' });
        finished.current(run);
      } catch (error) {
        if (controller.current !== abort) return;
        setState(
          isAbort(error)
            ? { status: 'cancelled' }
            : { status: 'failed', message: error instanceof Error ? error.message : String(error) },
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
