import { compile, contentHash, specToJson } from '../../domain/index.ts';
import { getAppDb } from '../../storage/app-storage.ts';
import { getJourney } from '../../storage/journey-documents.ts';
import type { ProfileSet } from '../../storage/records.ts';
import { createSimulationRunsRepo } from '../../storage/simulation-runs.ts';
import { readStoredSetSpan, runStoredSimulation } from '../../workers/simulation/run-simulation.ts';

/** Why a journey was not simulated. */
export interface SkippedJourney {
  name: string;
  /** Errors that keep it from compiling. */
  errors: number;
}

/**
 * Simulates each journey over a profile set's whole span, one after another, and stores the
 * runs as the editor's Simulate does, so the overview has figures for every stage. Journeys
 * that do not compile are skipped with the reason.
 */
export async function simulateJourneys(
  journeyIds: readonly string[],
  set: ProfileSet,
  onProgress: (done: number, total: number, name: string) => void,
  signal: AbortSignal,
): Promise<SkippedJourney[]> {
  const db = getAppDb();
  const runs = createSimulationRunsRepo(db);
  const ref = { dbName: db.name, setId: set.id };
  const span = await readStoredSetSpan({ set: ref, count: set.count, signal });
  const skipped: SkippedJourney[] = [];
  for (const [i, id] of journeyIds.entries()) {
    const document = await getJourney(id).catch(() => undefined);
    if (document === undefined) continue;
    onProgress(i, journeyIds.length, document.name);
    const { spec, diagnostics } = compile(document);
    if (spec === null) {
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      skipped.push({ name: document.name, errors });
      continue;
    }
    const options = { start: span.start, horizonDays: span.horizonDays, seed: 1 };
    const began = performance.now();
    const result = await runStoredSimulation({
      spec,
      set: ref,
      count: set.count,
      options,
      signal,
    });
    await runs.save({
      journeyId: id,
      journeyName: document.name,
      specHash: contentHash(specToJson(spec)),
      profileSetId: set.id,
      profileSetName: set.name,
      profileCount: set.count,
      durationMs: Math.max(0, performance.now() - began),
      options,
      result,
    });
  }
  onProgress(journeyIds.length, journeyIds.length, '');
  return skipped;
}
