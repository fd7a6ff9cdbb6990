import { useCallback, useMemo, useRef, useState } from 'react';
import type { Spec } from '../../domain/compile/spec-schema.ts';
import {
  summariseVersionForecast,
  type VersionForecast,
} from '../../domain/live/version-forecast.ts';
import { getAppDb } from '../../storage/app-storage.ts';
import { createProfileRepo } from '../../storage/profile-repo.ts';
import { readVersionForecast, saveVersionForecast } from '../../storage/version-forecasts.ts';
import { runForecast } from '../../workers/forecast/run-forecast.ts';

/** Replications of a version's forecast: enough for a stable P10–P90 of each step's share. */
export const VERSION_FORECAST_REPLICATIONS = 20;

export interface VersionRef {
  baseUrl: string;
  journeyId: string;
  version: number;
  specHash: string;
}

export type ForecastStatus =
  | { state: 'idle' }
  | { state: 'running'; done: number; total: number }
  | { state: 'failed'; reason: 'no-profiles' | 'failed' };

/**
 * The forecast of one published version: the stored one when its spec matches, or one run here
 * (the forecast page's engine: replications off the main thread) over the first profile set,
 * then stored beside the version.
 */
export function useVersionForecast(ref: VersionRef | null, spec: Spec | null) {
  const [runs, setRuns] = useState<Record<string, VersionForecast>>({});
  const [status, setStatus] = useState<ForecastStatus>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const key = ref === null ? '' : `${ref.baseUrl}|${ref.journeyId}|${ref.version}`;
  // Read once per version (not on every poll's render): the record holds a band per day.
  const stored = useMemo(
    () =>
      ref === null
        ? null
        : readVersionForecast(ref.baseUrl, ref.journeyId, ref.version, ref.specHash),
    [ref],
  );
  const forecast = ref === null ? null : (runs[key] ?? stored);

  const run = useCallback(async () => {
    if (ref === null || spec === null) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ state: 'running', done: 0, total: VERSION_FORECAST_REPLICATIONS });
    try {
      const repo = createProfileRepo(getAppDb());
      const set = (await repo.listProfileSets())[0];
      const profiles = set === undefined ? [] : await repo.readProfileSet(set.id);
      if (set === undefined || profiles.length === 0) {
        setStatus({ state: 'failed', reason: 'no-profiles' });
        return;
      }
      const result = await runForecast({
        variants: [{ spec }],
        profiles,
        replications: VERSION_FORECAST_REPLICATIONS,
        signal: controller.signal,
        onReplication: (_r, done) =>
          setStatus({ state: 'running', done: done.length, total: VERSION_FORECAST_REPLICATIONS }),
      });
      const forecast = summariseVersionForecast(
        result.replications.flatMap((r) => (r.results[0] ? [r.results[0]] : [])),
        {
          journeyId: ref.journeyId,
          version: ref.version,
          specHash: ref.specHash,
          profileSetName: set.name,
          profiles: profiles.length,
          ranAt: Date.now(),
        },
      );
      saveVersionForecast(ref.baseUrl, forecast);
      setRuns((all) => ({ ...all, [key]: forecast }));
      setStatus({ state: 'idle' });
    } catch (error) {
      if (controller.signal.aborted) return;
      console.error(error);
      setStatus({ state: 'failed', reason: 'failed' });
    }
  }, [ref, spec, key]);

  return { forecast, status, run };
}
