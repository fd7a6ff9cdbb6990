import { createContext, useContext, type ReactNode } from 'react';
import type {
  JourneyDocument,
  SimulationOptions,
  SimulationResult,
  Spec,
} from '../../domain/index.ts';
import type { EntryEvidence } from '../../domain/diagnose/entry-evidence.ts';
import { getAppDb } from '../../storage/app-storage.ts';
import { diagnoseStoredRun } from '../../workers/simulation/diagnose-stored-run.ts';
import { getJourney } from '../../storage/journey-documents.ts';
import { createProfileRepo } from '../../storage/profile-repo.ts';
import {
  createSimulationRunsRepo,
  type SimulationRunsRepo,
} from '../../storage/simulation-runs.ts';
import {
  prepareStoredRun,
  readStoredSetSpan,
  runStoredSimulation,
  type SimulationProgress,
  warmStoredSet,
} from '../../workers/simulation/run-simulation.ts';

/** A profile set as the picker shows it. */
export interface SimulationProfileSet {
  id: string;
  name: string;
  count: number;
  updatedAt: number;
}

/** A set's default period: the span of its events. */
export interface SetSpan {
  start: number;
  horizonDays: number;
  profiles: number;
}

/** One run as the panel starts it. */
export interface SimulationRunRequest {
  spec: Spec;
  set: SimulationProfileSet;
  /** With the period written out. */
  options: SimulationOptions & { start: number; horizonDays: number };
  onProgress(progress: SimulationProgress): void;
  signal: AbortSignal;
}

/** What the simulation screens read, run and store through: Web Workers and IndexedDB in the app, fakes in tests. */
export interface SimulationServices {
  listProfileSets(): Promise<SimulationProfileSet[]>;
  /** The set's default period, read in the workers that will simulate it (readying them). */
  readSpan(set: SimulationProfileSet, signal: AbortSignal): Promise<SetSpan>;
  /**
   * Has the workers read a set into memory in the background, so the first run on it starts at
   * once; called when a set is chosen. Answers nothing.
   */
  warm?(set: SimulationProfileSet): void;
  /**
   * Has the workers rehearse the run the panel is set up for (read the set, simulate a batch of
   * it), so the engine's code is ready when Run is pressed; called when the browser is idle.
   * Answers nothing.
   */
  prepare?(run: Pick<SimulationRunRequest, 'spec' | 'set' | 'options'>): void;
  run(request: SimulationRunRequest): Promise<SimulationResult>;
  /**
   * Counts over the set why a run of the journey started nobody (for `diagnoseNoEntries`);
   * asked only after such a run. Without it, such a run says nothing of why.
   */
  diagnose?(
    run: Pick<SimulationRunRequest, 'spec' | 'set' | 'options' | 'signal'>,
  ): Promise<EntryEvidence>;
  runs: Pick<SimulationRunsRepo, 'save' | 'latestForJourney' | 'listAll' | 'delete'>;
  /** A journey as stored now; undefined when deleted or unreadable. */
  loadJourney(journeyId: string): Promise<JourneyDocument | undefined>;
}

let appServices: SimulationServices | undefined;

function defaultServices(): SimulationServices {
  if (appServices) return appServices;
  const db = getAppDb();
  const profiles = createProfileRepo(db);
  appServices = {
    async listProfileSets() {
      return (await profiles.listProfileSets()).map(({ id, name, count, updatedAt }) => ({
        id,
        name,
        count,
        updatedAt,
      }));
    },
    readSpan: (set, signal) =>
      readStoredSetSpan({ set: { dbName: db.name, setId: set.id }, count: set.count, signal }),
    warm: (set) => warmStoredSet({ set: { dbName: db.name, setId: set.id }, count: set.count }),
    prepare: ({ spec, set, options }) =>
      prepareStoredRun({
        spec,
        set: { dbName: db.name, setId: set.id },
        count: set.count,
        options,
      }),
    run: ({ spec, set, options, onProgress, signal }) =>
      runStoredSimulation({
        spec,
        set: { dbName: db.name, setId: set.id },
        count: set.count,
        options,
        onProgress,
        signal,
      }),
    diagnose: ({ spec, set, options, signal }) =>
      diagnoseStoredRun({
        spec,
        set: { dbName: db.name, setId: set.id },
        count: set.count,
        options,
        signal,
      }),
    runs: createSimulationRunsRepo(db),
    loadJourney: (journeyId) => getJourney(journeyId).catch(() => undefined),
  };
  return appServices;
}

const ServicesContext = createContext<SimulationServices | null>(null);

/** Provides the simulation services; without it the app's database and Web Workers are used. */
export function SimulationServicesProvider({
  services,
  children,
}: {
  services: SimulationServices;
  children: ReactNode;
}) {
  return <ServicesContext value={services}>{children}</ServicesContext>;
}

/** The services in effect. */
export function useSimulationServices(): SimulationServices {
  return useContext(ServicesContext) ?? defaultServices();
}
