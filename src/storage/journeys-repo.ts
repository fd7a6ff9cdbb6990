import type { WayfinderDb } from './db';
import { type JourneyRecord, journeyRecordSchema } from './records';

/** Stored journeys: list, get, put, delete. Documents are validated by the journey schema's `restore`. */
export function createJourneysRepo(db: WayfinderDb) {
  return {
    /** Every journey, most recently changed first. */
    async list(): Promise<JourneyRecord[]> {
      const records = await db.journeys.orderBy('updatedAt').reverse().toArray();
      return records.map((r) => journeyRecordSchema.parse(r));
    },
    /** One journey, or undefined. */
    async get(id: string): Promise<JourneyRecord | undefined> {
      const raw = await db.journeys.get(id);
      return raw === undefined ? undefined : journeyRecordSchema.parse(raw);
    },
    /** Creates or replaces a journey. */
    async put(journey: JourneyRecord): Promise<void> {
      await db.journeys.put(journeyRecordSchema.parse(journey));
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
