import { createContext, type ReactNode, useContext, useEffect } from 'react';
import type { ConditionGroup } from '../../domain/conditions/condition-schema.ts';
import { openWayfinderDb, type WayfinderDb } from '../../storage/db.ts';
import { createProfileRepo, type ProfileRepo } from '../../storage/profile-repo.ts';
import type {
  GenerateOutcome,
  GenerateRequest,
  ImportOutcome,
  ImportRequest,
  JobProgress,
} from '../../workers/profiles/profiles-protocol.ts';
import { setTableInWorker } from '../../workers/profiles/set-table-in-worker.ts';
import { workerJobs } from './worker-jobs.ts';

/** A running job: its outcome (rejected with an AbortError when cancelled) and a way to cancel it. */
export interface JobHandle<O> {
  result: Promise<O>;
  cancel(): void;
}

/** Heavy profile work, run off the main thread in the app and in-process in tests. */
export interface ProfileJobs {
  generate(
    request: GenerateRequest,
    onProgress: (p: JobProgress) => void,
  ): JobHandle<GenerateOutcome>;
  importFile(
    request: ImportRequest,
    onProgress: (p: JobProgress) => void,
  ): JobHandle<ImportOutcome>;
  countSegment(
    setId: string,
    condition: ConditionGroup,
    now: number,
  ): Promise<{ matched: number; total: number }>;
}

/** What the profiles screens read and write through. */
export interface ProfilesServices {
  db: WayfinderDb;
  repo: ProfileRepo;
  jobs: ProfileJobs;
}

let appServices: ProfilesServices | undefined;
let appTableSource: ReturnType<typeof setTableInWorker> | undefined;

function defaultServices(): ProfilesServices {
  if (!appServices) {
    const db = openWayfinderDb();
    appTableSource = setTableInWorker(db);
    const repo = createProfileRepo(db, { readInSlices: true, tableSource: appTableSource });
    appServices = { db, repo, jobs: workerJobs() };
  }
  return appServices;
}

const ServicesContext = createContext<ProfilesServices | null>(null);

/** Provides the profile services; without it the app's database and Web Workers are used. */
export function ProfilesServicesProvider({
  services,
  children,
}: {
  services: ProfilesServices;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/**
 * Starts the app's profile table worker ahead of a set's page (from the profile sets list), so
 * the set's first rows do not wait for the worker's module to load. Nothing in tests, which
 * provide their own services.
 */
export function useWarmSetTables(): void {
  const provided = useContext(ServicesContext);
  useEffect(() => {
    if (provided !== null) return;
    defaultServices();
    appTableSource?.warm();
  }, [provided]);
}

/** The profile services in effect. */
export function useProfilesServices(): ProfilesServices {
  return useContext(ServicesContext) ?? defaultServices();
}
