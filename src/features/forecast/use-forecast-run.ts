import { useCallback, useRef, useState } from 'react';
import { failureReasonOf, type FailureReason } from '../../domain/failure/failure-reason.ts';
import type { Spec } from '../../domain/compile/spec-schema.ts';
import { extractKpis, stoppingSeries } from '../../domain/forecast/replications.ts';
import { intervalsTightEnough } from '../../domain/forecast/statistics.ts';
import type { SimulationOptions } from '../../domain/simulate/options.ts';
import {
  runForecast,
  type ForecastProfiles,
  type ForecastReplication,
} from '../../workers/forecast/run-forecast.ts';
import { aheadOfBackgroundFits } from './clv/clv-fits.ts';
import type { NpsSummary } from '../../domain/forecast/nps.ts';

/** Progress is drawn at most this often (the first at once, every finished replication too). */
const PROGRESS_EVERY_MS = 250;

/** The KPIs the early-stopping rule watches. */
export const STOPPING_KPIS = ['conversionRate', 'revenue', 'cost', 'messagesPerProfilePerWeek'];

/** What to run: over profiles in memory, or a stored set the workers read themselves. */
export type ForecastRequest = ForecastProfiles & {
  variants: { spec: Spec; options?: SimulationOptions }[];
  replications: number;
  /** Stop once every watched KPI's 95% interval is within ± this share of its mean; null: run all. */
  stopWithin: number | null;
};

/** A forecast's state on the page. */
export interface ForecastState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  /**
   * The replications, once the run has ended (done, stopped, cancelled or failed): the results
   * are drawn once, so the page spends no time redrawing them while the workers need the cores.
   */
  replications: ForecastReplication[];
  /** Replications done so far (live while running). */
  done: number;
  total: number;
  /** Replications done, plus the simulated share of the next one (e.g. 2.4). */
  progress: number;
  /** The period simulated, once the run is done. */
  period: { start: number; horizonDays: number } | null;
  /** The NPS of the survey answers in the profiles' histories, once the run is done. */
  historicalNps: NpsSummary | null;
  stoppedEarly: boolean;
  error: FailureReason | null;
}

const IDLE: ForecastState = {
  status: 'idle',
  replications: [],
  done: 0,
  total: 0,
  progress: 0,
  period: null,
  historicalNps: null,
  stoppedEarly: false,
  error: null,
};

/** True once every variant's watched KPIs are tight enough. */
export function tightEnough(
  done: readonly ForecastReplication[],
  within: number,
  variants: number,
): boolean {
  for (let v = 0; v < variants; v++) {
    const values = done.flatMap((r) => {
      const result = r.results[v];
      return result ? [extractKpis(result)] : [];
    });
    const decision = intervalsTightEnough(stoppingSeries(values, STOPPING_KPIS), {
      relativeHalfWidth: within,
      minReplications: 5,
      absoluteHalfWidth: 1e-9,
    });
    if (!decision.enough) return false;
  }
  return true;
}

/** Runs forecasts off the main thread with live progress, cancel and early stop. */
export function useForecastRun(): {
  state: ForecastState;
  start: (request: ForecastRequest) => Promise<void>;
  cancel: () => void;
  reset: () => void;
} {
  const [state, setState] = useState<ForecastState>(IDLE);
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async (request: ForecastRequest) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ ...IDLE, status: 'running', total: request.replications });
    /** The replications done so far, handed to the page when the run ends. */
    let finished: readonly ForecastReplication[] = [];
    let shownAt = Number.NEGATIVE_INFINITY;
    try {
      const source: ForecastProfiles =
        'set' in request
          ? { set: request.set, count: request.count }
          : { profiles: request.profiles };
      const run = await aheadOfBackgroundFits(
        runForecast({
          ...source,
          variants: request.variants,
          replications: request.replications,
          // Summed by the workers that hold the profiles, for the business KPIs.
          historicalNps: true,
          signal: abort.signal,
          onProgress: (p) => {
            // The first progress at once, then a few a second: each is a render of the page,
            // on the main thread's core the workers share.
            const now = performance.now();
            if (abort.signal.aborted || now - shownAt < PROGRESS_EVERY_MS) return;
            shownAt = now;
            setState((s) => ({ ...s, progress: p.replications }));
          },
          onReplication: (_r, done) => {
            finished = done;
            const progress = done.length;
            if (!abort.signal.aborted)
              setState((s) => ({ ...s, done: progress, progress: Math.max(s.progress, progress) }));
          },
          shouldStop:
            request.stopWithin === null
              ? undefined
              : (done) => tightEnough(done, request.stopWithin ?? 0, request.variants.length),
        }),
      );
      if (controller.current === abort)
        setState((s) => ({
          ...s,
          status: 'done',
          replications: run.replications,
          done: run.replications.length,
          progress: run.replications.length,
          period: run.period,
          historicalNps: run.historicalNps,
          stoppedEarly: run.stoppedEarly,
        }));
    } catch (error) {
      if (controller.current !== abort) return;
      const ended = { replications: [...finished], done: finished.length };
      if (error instanceof DOMException && error.name === 'AbortError')
        setState((s) => ({ ...s, ...ended, status: 'cancelled' }));
      else
        setState((s) => ({
          ...s,
          ...ended,
          status: 'error',
          error: failureReasonOf(error),
        }));
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState(IDLE);
  }, []);
  return { state, start, cancel, reset };
}
