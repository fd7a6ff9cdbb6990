import type { ErrorDetail } from '../src/domain/contract/backend-contract.ts';
import { contentHash, specToJson, stableJson, type Spec } from '../src/domain/index.ts';

/** One stored version in the mock backend. */
export interface MockVersion {
  journeyId: string;
  version: number;
  specHash: string;
  publishedAt: string;
  spec: Spec;
  /** The look-back warnings its publish answered with, which a replay answers too. */
  warnings: ErrorDetail[];
}

/** How the mock misbehaves, set through POST {base}/__mock/faults. */
export interface MockFaults {
  /** The next n contract requests fail with `status` before doing anything. */
  failNext: number;
  /** The next n publishes store the version, then fail with `status` (the answer is "lost"). */
  failNextAfterCommit: number;
  /** The next n contract requests are logged (status 0) and never answered. */
  hangNext: number;
  status: number;
  /** Every answer waits this long first. */
  delayMs: number;
  /** Validation refuses this step (422 on publish, an error on validate). */
  rejectStep: string | null;
  /** When set, requests must carry `Authorization: Bearer <requireToken>` (else 401). */
  requireToken: string | null;
}

/** A request the mock saw, for tests: the token is never recorded. */
export interface MockRequestLog {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** 0 for a request the mock never answered. */
  status: number;
}

interface IdempotentAnswer {
  journeyId: string;
  bodyHash: string;
  version: MockVersion;
}

const NO_FAULTS: MockFaults = {
  failNext: 0,
  failNextAfterCommit: 0,
  hangNext: 0,
  status: 503,
  delayMs: 0,
  rejectStep: null,
  requireToken: null,
};

/** The in-memory state of one mock backend. */
export function createMockBackendState(now: () => Date = () => new Date()) {
  const versions = new Map<string, MockVersion[]>();
  const keys = new Map<string, IdempotentAnswer>();
  /** When each stopped journey was stopped; a publish starts it again. */
  const stops = new Map<string, string>();
  const log: MockRequestLog[] = [];
  let faults: MockFaults = { ...NO_FAULTS };

  return {
    versions: (journeyId: string): MockVersion[] => versions.get(journeyId) ?? [],
    /** The mock's clock. */
    now: (): Date => now(),
    /** Every stored version, of every journey. */
    allVersions: (): MockVersion[] => [...versions.values()].flat(),
    faults: (): MockFaults => faults,
    setFaults(next: Partial<MockFaults>): MockFaults {
      faults = { ...faults, ...next };
      return faults;
    },
    /** Counts one fault down; true when this request must fail. */
    takeFault(kind: 'failNext' | 'failNextAfterCommit' | 'hangNext'): boolean {
      if (faults[kind] <= 0) return false;
      faults = { ...faults, [kind]: faults[kind] - 1 };
      return true;
    },
    log,
    stoppedAt: (journeyId: string): string | null => stops.get(journeyId) ?? null,
    /** Stops a journey (its first stop's time is kept); false when it was never published. */
    stop(journeyId: string): boolean {
      if ((versions.get(journeyId) ?? []).length === 0) return false;
      if (!stops.has(journeyId)) stops.set(journeyId, now().toISOString());
      return true;
    },
    reset(): void {
      stops.clear();
      versions.clear();
      keys.clear();
      log.length = 0;
      faults = { ...NO_FAULTS };
    },
    /** The answer already given for an idempotency key, or a conflict when the body differs. */
    replay(key: string, journeyId: string, spec: Spec): MockVersion | 'conflict' | undefined {
      const seen = keys.get(key);
      if (seen === undefined) return undefined;
      const same = seen.journeyId === journeyId && seen.bodyHash === contentHash(stableJson(spec));
      return same ? seen.version : 'conflict';
    },
    /** Stores the spec as the journey's next version, with the warnings its publish answers. */
    publish(key: string, journeyId: string, spec: Spec, warnings: ErrorDetail[] = []): MockVersion {
      const list = versions.get(journeyId) ?? [];
      const version: MockVersion = {
        journeyId,
        version: list.length + 1,
        specHash: contentHash(specToJson(spec)),
        publishedAt: now().toISOString(),
        spec,
        warnings,
      };
      versions.set(journeyId, [...list, version]);
      stops.delete(journeyId);
      keys.set(key, { journeyId, bodyHash: contentHash(stableJson(spec)), version });
      return version;
    },
  };
}

export type MockBackendState = ReturnType<typeof createMockBackendState>;
