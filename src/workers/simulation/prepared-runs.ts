import type { Spec } from '../../domain/compile/spec-schema.ts';
import type { ParsedSimulationOptions } from '../../domain/simulate/options.ts';
import {
  createSimulationPlan,
  reseedPlan,
  type SimulationPlan,
} from '../../domain/simulate/plan.ts';
import { prepareColumns, type PreparedProfiles } from '../../domain/simulate/prepared-profiles.ts';
import type { ProfileColumns } from '../../domain/simulate/profile-columns.ts';

/** A plan to run over a part, with the part's entrants prepared for it. */
export interface PreparedRun {
  plan: SimulationPlan;
  prepared: PreparedProfiles;
}

/** What a plan depends on apart from the seed and the traced ids (see `reseedPlan`). */
function planKey(spec: Spec, options: ParsedSimulationOptions): string {
  const { seed: _seed, traceProfileIds: _ids, ...rest } = options;
  return JSON.stringify([spec, rest]);
}

/**
 * The plan and prepared entrants (who enters, when, their decoded profiles, id hashes and
 * reachability: `prepareColumns`) of the last journey a worker ran or rehearsed over a part.
 * A run of the same journey and options over the same part, with any seed, starts from them
 * instead of compiling the plan and preparing every profile again: a rehearsal pays for that
 * while the panel is idle, and the next runs of an unchanged journey skip it. The result is
 * the same bit for bit (`prepareColumns` is seed-independent; `reseedPlan` keeps the compiled
 * triggers the preparation was made for). One is kept: it holds an object per entrant.
 */
export class PreparedRuns {
  private last: { key: string; columns: ProfileColumns; run: PreparedRun } | null = null;

  /** The plan for `spec` and `options` (as parsed) over `columns`, prepared; made now unless kept. */
  runOf(spec: Spec, options: ParsedSimulationOptions, columns: ProfileColumns): PreparedRun {
    const key = planKey(spec, options);
    const kept = this.last;
    if (kept !== null && kept.key === key && kept.columns === columns)
      return {
        plan: reseedPlan(kept.run.plan, options.seed, options.traceProfileIds),
        prepared: kept.run.prepared,
      };
    const plan = createSimulationPlan(spec, options);
    const run = { plan, prepared: prepareColumns(plan, columns) };
    this.last = { key, columns, run };
    return run;
  }

  /** Forgets the kept run (its part is no longer the one to run). */
  clear(): void {
    this.last = null;
  }
}
