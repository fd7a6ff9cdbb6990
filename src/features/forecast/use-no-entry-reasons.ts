import { useEffect, useState } from 'react';
import type { Spec } from '../../domain/compile/spec-schema.ts';
import { diagnoseNoEntries, type NoEntryReason } from '../../domain/diagnose/no-entry-diagnosis.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';
import type { StoredSetRef } from '../../workers/simulation/simulation-protocol.ts';
import { diagnoseStoredRun } from '../../workers/simulation/diagnose-stored-run.ts';

/** A forecast's variant as the page ran it, and its replications' results. */
export interface DiagnosedVariant {
  spec: Spec;
  results: readonly SimulationResult[];
}

/** Counts over the set why nobody entered; injectable for tests. */
export type Diagnose = typeof diagnoseStoredRun;

/**
 * For each variant of a finished forecast where nobody entered in any replication, the likely
 * reasons (see `diagnoseNoEntries`), counted by the simulation workers over the set; undefined
 * for a variant somebody entered, or while the counts are made. A failed count says nothing.
 */
export function useNoEntryReasons(
  variants: readonly DiagnosedVariant[] | null,
  set: { ref: StoredSetRef; count: number } | null,
  diagnose: Diagnose = diagnoseStoredRun,
): (NoEntryReason[] | undefined)[] {
  const [reasons, setReasons] = useState<(NoEntryReason[] | undefined)[]>([]);
  useEffect(() => {
    setReasons([]);
    if (variants === null || set === null) return undefined;
    const abort = new AbortController();
    variants.forEach((variant, i) => {
      const first = variant.results[0];
      if (first === undefined || variant.results.some((r) => r.profilesEntered > 0)) return;
      diagnose({
        spec: variant.spec,
        set: set.ref,
        count: set.count,
        options: { start: first.start, horizonDays: first.horizonDays },
        signal: abort.signal,
      }).then(
        (evidence) => {
          const found = diagnoseNoEntries(variant.spec, first, evidence);
          if (abort.signal.aborted || found === null) return;
          setReasons((all) => Object.assign([...all], { [i]: found }));
        },
        () => undefined,
      );
    });
    return () => abort.abort();
  }, [variants, set, diagnose]);
  return reasons;
}
