import { liveQuery } from 'dexie';
import {
  loadProblemLine,
  readFailed,
  validate,
  type JourneyDocument,
  type LifecycleStage,
  type LoadProblem,
} from '../domain/index.ts';
import { getAppDb } from './app-storage.ts';
import { createJourneysRepo, revisionOf, type StoredJourneyRow } from './journeys-repo.ts';
import { safeRestore } from './safe-restore.ts';

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

/** A stored journey that cannot be opened or checked, as the list shows it: with its problems. */
export interface BrokenJourneySummary {
  id: string;
  /** The stored name when there is one, else empty. */
  name: string;
  /** ISO time of the last write when stored, else empty. */
  updatedAt: string;
  problems: LoadProblem[];
}

/** One row of the journey list: a journey, or a stored record that is broken. */
export type JourneyListEntry =
  | { status: 'ok'; summary: StoredJourneySummary }
  | { status: 'broken'; journey: BrokenJourneySummary };

/** A stored journey that no longer restores (hand-edited, or from a newer Wayfinder). */
export class UnreadableJourneyError extends Error {
  constructor(
    readonly journeyId: string,
    readonly problems: LoadProblem[],
  ) {
    super(`Journey ${journeyId} cannot be read: ${problems.map(loadProblemLine).join('; ')}`);
  }
}

/** A journey as stored, with the revision a compare-and-set save must name. */
export interface JourneySnapshot {
  document: JourneyDocument;
  revision: number;
}

/** What another writer left in storage when a save found it changed. */
export type TheirJourney =
  | { status: 'ok'; document: JourneyDocument; revision: number }
  | { status: 'deleted' }
  | { status: 'unreadable'; revision: number; problems: LoadProblem[] };

/** The outcome of {@link saveJourneyIfRevision}. */
export type JourneySaveResult =
  { ok: true; revision: number } | { ok: false; theirs: TheirJourney };

const repo = () => createJourneysRepo(getAppDb());

function load(id: string, raw: unknown): JourneyDocument {
  const restored = safeRestore(raw);
  if (!restored.ok) throw new UnreadableJourneyError(id, restored.problems);
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

function brokenEntry(row: StoredJourneyRow, problems: LoadProblem[]): JourneyListEntry {
  const raw = (row.ok ? row.record : row.raw) as { name?: unknown; updatedAt?: unknown };
  const at = typeof raw.updatedAt === 'number' ? new Date(raw.updatedAt) : undefined;
  return {
    status: 'broken',
    journey: {
      id: row.ok ? row.record.id : row.id,
      name: typeof raw.name === 'string' ? raw.name : '',
      updatedAt: at !== undefined && Number.isFinite(at.getTime()) ? at.toISOString() : '',
      problems,
    },
  };
}

/** One row of the list; never throws, whatever is stored. */
function entryOf(row: StoredJourneyRow): JourneyListEntry {
  if (!row.ok) return brokenEntry(row, row.problems);
  const restored = safeRestore(row.record.document);
  if (!restored.ok) return brokenEntry(row, restored.problems);
  try {
    return { status: 'ok', summary: summarise(restored.document) };
  } catch (error) {
    return brokenEntry(row, [readFailed(error, 'checking')]);
  }
}

/**
 * Every stored journey, most recently changed first: each readable one summarised, each broken
 * one (unreadable, too deep to check) as a row with its problems. One bad record never fails
 * the list.
 */
export async function listJourneyEntries(): Promise<JourneyListEntry[]> {
  return (await repo().listRows()).map(entryOf);
}

/** Every readable journey, summarised; broken ones are left out (see {@link listJourneyEntries}). */
export async function listJourneys(): Promise<StoredJourneySummary[]> {
  return (await listJourneyEntries()).flatMap((e) => (e.status === 'ok' ? [e.summary] : []));
}

/** One journey, restored (validated and migrated); undefined when there is none. */
export async function getJourney(id: string): Promise<JourneyDocument | undefined> {
  return (await openJourney(id))?.document;
}

/** One journey with its revision; undefined when there is none. Throws `UnreadableJourneyError`. */
export async function openJourney(id: string): Promise<JourneySnapshot | undefined> {
  const row = await repo().getRow(id);
  if (row === undefined) return undefined;
  if (!row.ok) throw new UnreadableJourneyError(id, row.problems);
  return { document: load(id, row.record.document), revision: row.record.revision };
}

/**
 * A stored journey as JSON text exactly as stored (broken or not), for looking at or exporting
 * a journey that cannot be opened; undefined when there is none.
 */
export async function getStoredJourneyText(id: string): Promise<string | undefined> {
  const raw: unknown = await getAppDb().journeys.get(id);
  if (raw === undefined) return undefined;
  try {
    return `${JSON.stringify(raw, null, 2)}\n`;
  } catch (error) {
    throw new UnreadableJourneyError(id, [readFailed(error, 'writing')]);
  }
}

function recordOf(document: JourneyDocument) {
  return {
    id: document.id,
    name: document.name,
    lifecycleStage: document.lifecycleStage,
    updatedAt: Date.parse(document.updatedAt),
    document,
  };
}

/** Saves a journey as it is, over whatever is stored (callers set `updatedAt`); returns the revision. */
export async function saveJourney(document: JourneyDocument): Promise<number> {
  return repo().put(recordOf(document));
}

/** Stores a new journey; fails with what is there when its id is taken. */
export async function createJourneyRecord(document: JourneyDocument): Promise<JourneySaveResult> {
  return saveJourneyIfRevision(document, 'absent');
}

/**
 * Saves a journey only if the stored copy is still at `expected` (compare-and-set in one
 * transaction). Otherwise nothing is written and the result carries what is stored now.
 */
export async function saveJourneyIfRevision(
  document: JourneyDocument,
  expected: number | 'absent',
): Promise<JourneySaveResult> {
  const result = await repo().putIfRevision(recordOf(document), expected);
  return result.ok ? result : { ok: false, theirs: theirsOf(result.current) };
}

function theirsOf(row: StoredJourneyRow | undefined): TheirJourney {
  if (row === undefined) return { status: 'deleted' };
  if (!row.ok)
    return { status: 'unreadable', revision: revisionOf(row.raw), problems: row.problems };
  const restored = safeRestore(row.record.document);
  return restored.ok
    ? { status: 'ok', document: restored.document, revision: row.record.revision }
    : { status: 'unreadable', revision: row.record.revision, problems: restored.problems };
}

/** What is stored for a journey now, readable or not. */
export async function readStoredJourney(id: string): Promise<TheirJourney> {
  return theirsOf(await repo().getRow(id));
}

/**
 * Calls `onRevision` with a journey's stored revision (undefined once deleted) now and after
 * every write to it, from this tab or another (Dexie's live queries reach other tabs over
 * BroadcastChannel). Returns a function that stops watching.
 */
export function watchJourneyRevision(
  id: string,
  onRevision: (revision: number | undefined) => void,
): () => void {
  const db = getAppDb();
  const subscription = liveQuery(async () => {
    const raw = (await db.journeys.get(id)) as { revision?: unknown } | undefined;
    return raw === undefined ? undefined : typeof raw.revision === 'number' ? raw.revision : 0;
    // A failed live query only stops the updates: saves still compare-and-set, so a change
    // missed here still surfaces as a conflict at the next save.
  }).subscribe({ next: onRevision, error: () => undefined });
  return () => subscription.unsubscribe();
}

export async function deleteJourney(id: string): Promise<void> {
  summaries.delete(id);
  await repo().delete(id);
}

/** Deletes a journey only at the revision the caller saw; false when it changed or is gone. */
export async function deleteJourneyIfRevision(id: string, revision: number): Promise<boolean> {
  const deleted = await repo().deleteIfRevision(id, revision);
  if (deleted) summaries.delete(id);
  return deleted;
}

/** How many journeys are stored (readable or not). */
export async function countJourneys(): Promise<number> {
  return getAppDb().journeys.count();
}
