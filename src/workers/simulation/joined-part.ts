import type { Spec } from '../../domain/compile/spec-schema.ts';
import type { ParsedSimulationOptions } from '../../domain/simulate/options.ts';
import {
  createSimulationPlan,
  reseedPlan,
  type SimulationPlan,
} from '../../domain/simulate/plan.ts';
import { prepareColumns, type PreparedProfiles } from '../../domain/simulate/prepared-profiles.ts';
import {
  concatColumns,
  memoColumns,
  type ProfileColumns,
} from '../../domain/simulate/profile-columns.ts';

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
 * A worker's part joined for traced runs, and the journey last run or rehearsed over it.
 *
 * The join is one (memory holds one copy of a part's columns) and decodes each entrant once,
 * however many runs and journeys ask for it. The journey's plan and prepared entrants (who
 * enters, when, their decoded profiles, id hashes and reachability: `prepareColumns`) are kept
 * too: a run of the same journey and options over the same part, with any seed, starts from
 * them instead of compiling the plan and preparing every profile again. A rehearsal pays for
 * that while the panel is idle, and the next runs of an unchanged journey skip it. The result
 * is the same bit for bit (`prepareColumns` is seed-independent; `reseedPlan` keeps the compiled
 * triggers the preparation was made for).
 */
export class JoinedPart {
  private joined: { batches: readonly ProfileColumns[]; columns: ProfileColumns } | null = null;
  private last: { key: string; columns: ProfileColumns; run: PreparedRun } | null = null;

  /** The batches as one: the same columns again while the batches are the same (a kept part). */
  join(batches: readonly ProfileColumns[]): ProfileColumns {
    const joined = this.joined;
    if (
      joined !== null &&
      joined.batches.length === batches.length &&
      joined.batches.every((batch, i) => batch === batches[i])
    )
      return joined.columns;
    this.last = null;
    const columns = memoColumns(concatColumns(batches));
    this.joined = { batches, columns };
    return columns;
  }

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
}
