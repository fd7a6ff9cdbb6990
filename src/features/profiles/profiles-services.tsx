import { createContext, type ReactNode, useContext } from 'react';
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

function defaultServices(): ProfilesServices {
  if (!appServices) {
    const db = openWayfinderDb();
    const tableSource = setTableInWorker(db);
    // Started now, so a set's first rows do not wait for the worker's module to load.
    tableSource.warm();
    const repo = createProfileRepo(db, { readInSlices: true, tableSource });
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

/** The profile services in effect. */
export function useProfilesServices(): ProfilesServices {
  return useContext(ServicesContext) ?? defaultServices();
}
