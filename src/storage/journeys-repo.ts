import { zodLoadProblems, type LoadProblem } from '../domain/index.ts';
import type { WayfinderDb } from './db';
import { type JourneyRecord, type JourneyRecordInput, journeyRecordSchema } from './records';

/** What a compare-and-set write expects to find: a revision, or no journey at all. */
export type ExpectedRevision = number | 'absent';

/** The outcome of a compare-and-set write. */
export type PutIfResult =
  | { ok: true; revision: number }
  /** Someone else wrote first: what is stored now (undefined when the journey was deleted). */
  | { ok: false; current: StoredJourneyRow | undefined };

/** A stored row as read, whether or not it matches the record schema. */
export type StoredJourneyRow =
  | { ok: true; record: JourneyRecord }
  | { ok: false; id: string; raw: unknown; problems: LoadProblem[] };

/** The problem of a row the browser's storage fails to read back. */
export const UNREADABLE_ROW: LoadProblem = {
  path: '',
  message: "This browser's storage could not read it back",
  code: 'storage-unreadable',
  params: {},
};

function readRow(raw: unknown): StoredJourneyRow {
  const parsed = journeyRecordSchema.safeParse(raw);
  if (parsed.success) return { ok: true, record: parsed.data };
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : '';
  return {
    ok: false,
    id,
    raw,
    problems: zodLoadProblems(parsed.error.issues),
  };
}

/** The revision a stored row carries; 0 when it has none (a row that is not a journey record). */
export function revisionOf(raw: unknown): number {
  const revision = (raw as { revision?: unknown } | undefined)?.revision;
  return typeof revision === 'number' && Number.isInteger(revision) && revision >= 1 ? revision : 0;
}

/**
 * Stored journeys: list, get, put, delete. Every write bumps the record's revision inside one
 * transaction; `putIfRevision` writes only when the stored revision is the one the caller read,
 * so a tab working from an old copy is told instead of overwriting. Documents are validated by
 * the journey schema's `restore`, not here.
 */
export function createJourneysRepo(db: WayfinderDb) {
  async function write(input: JourneyRecordInput, expected: ExpectedRevision | null) {
    const record = journeyRecordSchema.omit({ revision: true }).parse(input);
    return db.transaction('rw', db.journeys, async (): Promise<PutIfResult> => {
      const current: unknown = await db.journeys.get(record.id);
      const found = current === undefined ? 'absent' : revisionOf(current);
      if (expected !== null && found !== expected) {
        return { ok: false, current: current === undefined ? undefined : readRow(current) };
      }
      const revision = (found === 'absent' ? 0 : found) + 1;
      await db.journeys.put({ ...record, revision });
      return { ok: true, revision };
    });
  }

  return {
    /** Every journey that matches the record schema, most recently changed first. */
    async list(): Promise<JourneyRecord[]> {
      return (await this.listRows()).flatMap((row) => (row.ok ? [row.record] : []));
    },
    /** Every stored row, most recently changed first, with the problems of those that are broken. */
    async listRows(): Promise<StoredJourneyRow[]> {
      // Keys first: rows without an `updatedAt` index value are left out by `orderBy`, so they
      // go at the end.
      const ordered = await db.journeys.orderBy('updatedAt').reverse().primaryKeys();
      const all = await db.journeys.toCollection().primaryKeys();
      const seen = new Set(ordered);
      const keys = [...ordered, ...all.filter((key) => !seen.has(key))];
      try {
        return (await db.journeys.bulkGet(keys)).flatMap((raw) =>
          raw === undefined ? [] : [readRow(raw)],
        );
      } catch {
        // One record the browser cannot read back (e.g. nested past its limit) fails the whole
        // read: read them one by one so only that one is lost from view.
        const rows: StoredJourneyRow[] = [];
        for (const key of keys) {
          try {
            const raw: unknown = await db.journeys.get(key);
            if (raw !== undefined) rows.push(readRow(raw));
          } catch {
            rows.push({ ok: false, id: key, raw: { id: key }, problems: [UNREADABLE_ROW] });
          }
        }
        return rows;
      }
    },
    /** One journey, or undefined. Throws when the stored row is not a journey record. */
    async get(id: string): Promise<JourneyRecord | undefined> {
      const raw = await db.journeys.get(id);
      return raw === undefined ? undefined : journeyRecordSchema.parse(raw);
    },
    /** One stored row as it is, broken or not; undefined when there is none. */
    async getRow(id: string): Promise<StoredJourneyRow | undefined> {
      let raw: unknown;
      try {
        raw = await db.journeys.get(id);
      } catch {
        // Only a row that is there can fail to be read: its key says it exists.
        if ((await db.journeys.where('id').equals(id).count()) === 0) return undefined;
        return { ok: false, id, raw: { id }, problems: [UNREADABLE_ROW] };
      }
      return raw === undefined ? undefined : readRow(raw);
    },
    /** Creates or replaces a journey, whatever is stored; returns the new revision. */
    async put(journey: JourneyRecordInput): Promise<number> {
      const result = await write(journey, null);
      if (!result.ok) throw new Error('unreachable: an unconditional write cannot conflict');
      return result.revision;
    },
    /** Writes only when the stored revision is `expected` (or nothing is stored, for `absent`). */
    putIfRevision(journey: JourneyRecordInput, expected: ExpectedRevision): Promise<PutIfResult> {
      return write(journey, expected);
    },
    /**
     * Deletes a journey and its simulation runs only if it is still at the revision the caller
     * saw (compare-and-set): false, and nothing deleted, when another tab saved it meanwhile.
     */
    async deleteIfRevision(id: string, expected: number): Promise<boolean> {
      return db.transaction('rw', db.journeys, db.simulationRuns, async () => {
        const current: unknown = await db.journeys.get(id);
        if (current === undefined || revisionOf(current) !== expected) return false;
        await db.simulationRuns.where('journeyId').equals(id).delete();
        await db.journeys.delete(id);
        return true;
      });
    },
    /** Deletes a journey and its simulation runs. */
    async delete(id: string): Promise<void> {
      await db.transaction('rw', db.journeys, db.simulationRuns, async () => {
        await db.simulationRuns.where('journeyId').equals(id).delete();
        await db.journeys.delete(id);
      });
    },
  };
}

/** The journeys repository. */
export type JourneysRepo = ReturnType<typeof createJourneysRepo>;
