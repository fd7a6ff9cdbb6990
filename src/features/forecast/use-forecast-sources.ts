import { useLiveRead } from '../../storage/use-live-read.ts';
import { compiledRevision } from '../../editor/index.ts';
import type { Spec } from '../../domain/compile/spec-schema.ts';
import { getAppDb } from '../../storage/app-storage.ts';
import {
  getJourney,
  listJourneys,
  type StoredJourneySummary,
} from '../../storage/journey-documents.ts';
import { createProfileRepo } from '../../storage/profile-repo.ts';
import type { ProfileSet } from '../../storage/records.ts';
import type { StoredSetRef } from '../../workers/simulation/simulation-protocol.ts';

const repo = () => createProfileRepo(getAppDb());

/** Journeys and profile sets to pick from; `undefined` while loading. Live. */
export function useForecastSources(): {
  journeys: StoredJourneySummary[] | undefined;
  sets: ProfileSet[] | undefined;
} {
  const journeys = useLiveRead(() => listJourneys(), []);
  const sets = useLiveRead(() => repo().listProfileSets(), []);
  return { journeys, sets };
}

/** A journey compiled for simulation, or why it cannot be. */
/** A stored journey compiled for a forecast, or why it cannot be: gone, or with errors. */
export type LoadedJourney =
  | { ok: true; name: string; spec: Spec }
  | { ok: false; missing: true }
  | { ok: false; missing: false; name: string; errors: number };

/** Loads and compiles a stored journey. */
export async function loadJourneySpec(id: string): Promise<LoadedJourney> {
  const document = await getJourney(id);
  if (document === undefined) return { ok: false, missing: true };
  const { spec, diagnostics } = compiledRevision(document);
  if (spec === null) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    return { ok: false, missing: false, name: document.name, errors };
  }
  return { ok: true, name: document.name, spec };
}

/** Where the workers read a stored set. */
export function storedSet(setId: string): StoredSetRef {
  return { dbName: getAppDb().name, setId };
}
