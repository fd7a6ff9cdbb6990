import type { Table } from 'dexie';
import { clvReportSchema, type ClvReport } from '../domain/forecast/clv-fit-report.ts';
import type { ClvFitRecord } from './clv-fit-store.ts';

/** Where a database keeps the cache. */
export interface ClvFitTables {
  clvFits: Table<ClvFitRecord, string>;
}

function keyOf(setId: string, setVersion: string, calibration: string): string {
  return `${setId}|${setVersion}|${calibration}`;
}

/**
 * CLV fits cached per profile set, set version and calibration choice, so a profile page's
 * value thermometer and the customer-value page open without refitting. A record that no longer
 * passes the report's schema reads as a miss (and is refitted), never as an error.
 */
export function createClvFitCache(db: ClvFitTables) {
  return {
    async get(
      setId: string,
      setVersion: string,
      calibration: string,
    ): Promise<ClvReport | undefined> {
      const record = await db.clvFits.get(keyOf(setId, setVersion, calibration));
      if (record === undefined) return undefined;
      const parsed = clvReportSchema.safeParse(record.report);
      return parsed.success ? parsed.data : undefined;
    },
    /** Whether a fit is stored for this set version and calibration (not checked: see `get`). */
    async has(setId: string, setVersion: string, calibration: string): Promise<boolean> {
      return (await db.clvFits.get(keyOf(setId, setVersion, calibration))) !== undefined;
    },
    /**
     * Stores a fit and drops the set's fits of other versions, which can never match again: in
     * one transaction, so a tab closed or a worker ended meanwhile leaves both or neither done.
     */
    async put(
      setId: string,
      setVersion: string,
      calibration: string,
      report: ClvReport,
      savedAt: number,
    ): Promise<void> {
      await db.clvFits.db.transaction('rw', db.clvFits, async () => {
        await db.clvFits
          .where('setId')
          .equals(setId)
          .filter((r) => r.setVersion !== setVersion)
          .delete();
        await db.clvFits.put({
          key: keyOf(setId, setVersion, calibration),
          setId,
          setVersion,
          calibration,
          savedAt,
          report,
        });
      });
    },
    /** Forgets every fit of a set (e.g. when it is deleted). */
    async clearSet(setId: string): Promise<void> {
      await db.clvFits.where('setId').equals(setId).delete();
    },
    /** Forgets the fits of every set but these (the sets that still exist). */
    async keepOnlySets(setIds: ReadonlySet<string>): Promise<void> {
      await db.clvFits.filter((record) => !setIds.has(record.setId)).delete();
    },
  };
}
export type ClvFitCache = ReturnType<typeof createClvFitCache>;
