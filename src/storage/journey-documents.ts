import { restore, validate, type JourneyDocument, type LifecycleStage } from '../domain/index.ts';
import { getAppDb } from './app-storage.ts';
import { createJourneysRepo } from './journeys-repo.ts';

/** A journey as the journey list shows it. */
export interface StoredJourneySummary {
  id: string;
  name: string;
  description: string;
  lifecycleStage: LifecycleStage;
  updatedAt: string;
  errorCount: number;
  warningCount: number;
  stepCount: number;
}

/** A stored journey that no longer restores (hand-edited, or from a newer Wayfinder). */
export class UnreadableJourneyError extends Error {
  constructor(
    readonly journeyId: string,
    readonly problems: string[],
  ) {
    super(`Journey ${journeyId} cannot be read: ${problems.join('; ')}`);
  }
}

const repo = () => createJourneysRepo(getAppDb());

function load(id: string, raw: unknown): JourneyDocument {
  const restored = restore(raw);
  if (!restored.ok) {
    throw new UnreadableJourneyError(
      id,
      restored.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)),
    );
  }
  return restored.document;
}

const summaries = new Map<string, { updatedAt: string; summary: StoredJourneySummary }>();

function summarise(document: JourneyDocument): StoredJourneySummary {
  const cached = summaries.get(document.id);
  if (cached?.updatedAt === document.updatedAt && cached.summary.name === document.name) {
    return cached.summary;
  }
  const diagnostics = validate(document);
  const summary: StoredJourneySummary = {
    id: document.id,
    name: document.name,
    description: document.description,
    lifecycleStage: document.lifecycleStage,
    updatedAt: document.updatedAt,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    stepCount: document.steps.length,
  };
  summaries.set(document.id, { updatedAt: document.updatedAt, summary });
  return summary;
}

/** Every readable journey, summarised; unreadable ones are left out of the list. */
export async function listJourneys(): Promise<StoredJourneySummary[]> {
  const records = await repo().list();
  const out: StoredJourneySummary[] = [];
  for (const record of records) {
    const restored = restore(record.document);
    if (restored.ok) out.push(summarise(restored.document));
  }
  return out;
}

/** One journey, restored (validated and migrated); undefined when there is none. */
export async function getJourney(id: string): Promise<JourneyDocument | undefined> {
  const record = await repo().get(id);
  return record === undefined ? undefined : load(id, record.document);
}

/** Saves a journey as it is (callers set `updatedAt`). */
export async function saveJourney(document: JourneyDocument): Promise<void> {
  await repo().put({
    id: document.id,
    name: document.name,
    lifecycleStage: document.lifecycleStage,
    updatedAt: Date.parse(document.updatedAt),
    document,
  });
}

export async function deleteJourney(id: string): Promise<void> {
  summaries.delete(id);
  await repo().delete(id);
}

/** How many journeys are stored (readable or not). */
export async function countJourneys(): Promise<number> {
  return getAppDb().journeys.count();
}
