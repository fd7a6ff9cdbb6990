import { useLiveRead } from '../../storage/use-live-read.ts';
import { contentHash, compile, specToJson } from '../../domain/index.ts';
import { getAppDb } from '../../storage/app-storage.ts';
import { getJourney, listJourneys } from '../../storage/journey-documents.ts';
import { createSimulationRunsRepo } from '../../storage/simulation-runs.ts';
import { figuresOf, lifecycleOverview, type LifecycleOverview } from './lifecycle-model.ts';

async function loadOverview(): Promise<LifecycleOverview> {
  const db = getAppDb();
  const runs = createSimulationRunsRepo(db);
  const journeys = await listJourneys();
  const figures = new Map<string, ReturnType<typeof figuresOf>>();
  for (const journey of journeys) {
    const run = await runs.latestForJourney(journey.id);
    if (run === null) continue;
    const document = await getJourney(journey.id).catch(() => undefined);
    const spec = document === undefined ? null : compile(document).spec;
    const stale = spec === null || contentHash(specToJson(spec)) !== run.specHash;
    figures.set(journey.id, figuresOf(run.result, { ...run, stale }));
  }
  return lifecycleOverview(journeys, figures);
}

/** The lifecycle overview from the stored journeys and their latest runs; live, undefined while loading. */
export function useLifecycleOverview(): LifecycleOverview | undefined {
  return useLiveRead(loadOverview, []);
}
