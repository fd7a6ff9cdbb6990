import Dexie, { type EntityTable, type Table } from 'dexie';
import { rewrittenChunk } from './chunk-upgrade';
import { CLV_FITS_STORE, type ClvFitRecord } from './clv-fit-store';
import type {
  JourneyRecord,
  ProfileChunkRecord,
  ProfileSetRecord,
  SimulationRunRecord,
} from './records';

/** The default database name. */
export const DEFAULT_DB_NAME = 'wayfinder';

/** Version 1 of the schema, kept as written so upgrades from it can be tested. */
export const SCHEMA_V1 = {
  profileSets: 'id, updatedAt',
  profileChunks: '[setId+gen+seq], setId',
  journeys: 'id, updatedAt',
  simulationRuns: 'id, journeyId, createdAt',
} as const;

/**
 * Version 2: sets carry their profile `count` (backfilled from the chunks), journeys gain a
 * `lifecycleStage` index (backfilled as `none`), and runs an index to list a journey's runs by date.
 */
export const SCHEMA_V2 = {
  profileSets: 'id, updatedAt, name',
  profileChunks: '[setId+gen+seq], setId',
  journeys: 'id, updatedAt, name, lifecycleStage',
  simulationRuns: 'id, journeyId, createdAt, [journeyId+createdAt]',
} as const;

/** Version 3: adds the journeys' published versions (a local copy of what the backend holds). */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  publishedVersions: '[journeyId+version], journeyId',
} as const;

/**
 * Version 4: journeys and saved runs carry a `revision` (backfilled as 1), bumped by every write,
 * so a save can be compare-and-set: two tabs never overwrite each other silently. Indexes are
 * those of version 3.
 */
export const SCHEMA_V4 = SCHEMA_V3;

/** The revision every record written before version 4 starts from. */
export const FIRST_REVISION = 1;

/** Version 5: adds the CLV-fit cache (see `clv-fit-store.ts` and `clv-fit-cache.ts`). */
export const SCHEMA_V5 = { ...SCHEMA_V4, ...CLV_FITS_STORE } as const;

/**
 * Version 6: profile chunks in codec 2 (`profile-codec.ts`: the simulator's columns stored as
 * typed arrays, a chunk's strings as one string). Chunks written before (codec 1, or objects)
 * are rewritten by the upgrade, in its one transaction: an upgrade that does not finish (a
 * closed tab) leaves the database at version 5 as it was. Indexes are those of version 5.
 */
export const SCHEMA_V6 = SCHEMA_V5;

/**
 * A version published to the execution backend, kept so the journey list can tell unpublished
 * changes without the network. Never holds the access token.
 */
export interface PublishedVersionRecord {
  journeyId: string;
  version: number;
  specHash: string;
  publishedAt: string;
  /** The compiled spec as published. */
  spec: unknown;
}

/** The app's IndexedDB database. */
export class WayfinderDb extends Dexie {
  profileSets!: EntityTable<ProfileSetRecord, 'id'>;
  profileChunks!: Table<ProfileChunkRecord, [string, string, number]>;
  journeys!: EntityTable<JourneyRecord, 'id'>;
  simulationRuns!: EntityTable<SimulationRunRecord, 'id'>;
  publishedVersions!: Table<PublishedVersionRecord, [string, number]>;
  clvFits!: Table<ClvFitRecord, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        const counts = new Map<string, number>();
        const sets = await tx.table('profileSets').toArray();
        const live = new Map(
          sets.map((s: { id: string; generations?: string[] }) => [
            s.id,
            new Set(s.generations ?? []),
          ]),
        );
        await tx
          .table('profileChunks')
          .each((chunk: { setId: string; gen: string; profiles: unknown[] }) => {
            if (live.get(chunk.setId)?.has(chunk.gen)) {
              counts.set(chunk.setId, (counts.get(chunk.setId) ?? 0) + chunk.profiles.length);
            }
          });
        await tx
          .table('profileSets')
          .toCollection()
          .modify((set: { id: string; count?: number; revision?: number }) => {
            set.count ??= counts.get(set.id) ?? 0;
            set.revision ??= 1;
          });
        await tx
          .table('journeys')
          .toCollection()
          .modify((journey: { lifecycleStage?: string }) => {
            journey.lifecycleStage ??= 'none';
          });
      });
    this.version(3).stores(SCHEMA_V3);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        const backfill = (record: { revision?: number }) => {
          record.revision ??= FIRST_REVISION;
        };
        await tx.table('journeys').toCollection().modify(backfill);
        await tx.table('simulationRuns').toCollection().modify(backfill);
      });
    this.version(5).stores(SCHEMA_V5);
    this.version(6)
      .stores(SCHEMA_V6)
      .upgrade(async (tx) => {
        await tx
          .table('profileChunks')
          .toCollection()
          .modify((chunk: ProfileChunkRecord, ref: { value: ProfileChunkRecord }) => {
            const rewritten = rewrittenChunk(chunk);
            if (rewritten !== undefined) ref.value = rewritten;
          });
      });
  }
}

/** Opens (creating or upgrading) the database; tests pass a unique name. */
export function openWayfinderDb(name: string = DEFAULT_DB_NAME): WayfinderDb {
  return new WayfinderDb(name);
}
