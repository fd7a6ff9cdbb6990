import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import {
  compile,
  simulate,
  TEMPLATES,
  type JourneyDocument,
  type SimulationResult,
} from '../../../src/domain/index.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import type { SimulationRun } from '../../../src/storage/simulation-runs.ts';
import {
  SimulationServicesProvider,
  type SimulationRunRequest,
  type SimulationServices,
} from '../../../src/features/simulation/simulation-services.tsx';
import { compileForSimulation } from '../../../src/features/simulation/spec-version.ts';

const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 0, 1);

let ids = 0;
const newId = (): string => `id-${++ids}`;

/** The "Welcome series" template as a document. */
export function welcomeSeries(): JourneyDocument {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (!template) throw new Error('no welcome-series template');
  return template.build(NOW);
}

const profiles = generateProfiles({ count: 400, seed: 7, start: NOW - 365 * DAY, end: NOW });

/** A real result of the engine for a document, with traces. */
export function resultFor(document: JourneyDocument): SimulationResult {
  const { spec } = compile(document);
  if (!spec) throw new Error('document does not compile');
  return simulate(spec, profiles, { seed: 1, traceSample: 200 });
}

/** A stored run of a document, as the repository would return it. */
export function runFor(
  document: JourneyDocument,
  patch: Partial<SimulationRun> = {},
): SimulationRun {
  const compiled = compileForSimulation(document);
  if (!compiled.ok) throw new Error('document does not compile');
  const result = resultFor(document);
  return {
    runVersion: 1,
    id: newId(),
    journeyId: document.id,
    journeyName: document.name,
    specHash: compiled.specHash,
    createdAt: NOW,
    profileSetId: 'set-1',
    profileSetName: 'Demo customers',
    profileCount: profiles.length,
    durationMs: 10,
    options: {
      start: result.start,
      horizonDays: result.horizonDays,
      seed: 1,
      behaviour: {},
      spend: { source: 'profile_average', mean: 50, sigma: 0.5 },
      propensity: null,
      nps: { answerRate: 0.3, scoreWeights: [2, 1, 1, 2, 2, 5, 6, 12, 20, 22, 27] },
      traceProfileIds: [],
      traceSample: 200,
    },
    result,
    ...patch,
  };
}

/** Services whose runs the test drives by hand. */
export function fakeServices(options: { last?: SimulationRun | null } = {}) {
  const saved: SimulationRun[] = [];
  const requests: SimulationRunRequest[] = [];
  let settle: { resolve: (r: SimulationResult) => void; reject: (e: unknown) => void } | null =
    null;
  const services: SimulationServices = {
    listProfileSets: async () => [
      { id: 'set-1', name: 'Demo customers', count: 400, updatedAt: 1 },
      { id: 'set-2', name: 'Empty', count: 0, updatedAt: 1 },
    ],
    readSpan: async () => ({ start: Date.UTC(2025, 0, 1), horizonDays: 30, profiles: 400 }),
    run: (request) => {
      requests.push(request);
      return new Promise<SimulationResult>((resolve, reject) => {
        settle = { resolve, reject };
        request.signal.addEventListener('abort', () =>
          reject(new DOMException('cancelled', 'AbortError')),
        );
      });
    },
    runs: {
      save: async (input) => {
        const run = { ...input, runVersion: 1, id: newId(), createdAt: NOW } as SimulationRun;
        saved.push(run);
        return run;
      },
      latestForJourney: async () => options.last ?? null,
      listAll: async () => saved,
      delete: async () => undefined,
    },
    loadJourney: async () => undefined,
  };
  return {
    services,
    saved,
    requests,
    finish: (result: SimulationResult) => settle?.resolve(result),
  };
}

export function withServices(services: SimulationServices, children: ReactNode) {
  return (
    <MemoryRouter>
      <SimulationServicesProvider services={services}>{children}</SimulationServicesProvider>
    </MemoryRouter>
  );
}
