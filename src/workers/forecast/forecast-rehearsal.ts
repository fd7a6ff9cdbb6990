import type { Spec } from '../../domain/compile/spec-schema.ts';
import { tallyTraces } from '../../domain/forecast/trace-tallies.ts';
import { createSimulationPlan, reseedPlan } from '../../domain/simulate/plan.ts';
import { prepareColumns } from '../../domain/simulate/prepared-profiles.ts';
import type { ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import { PartitionRun } from '../../domain/simulate/simulate.ts';
import { yieldToMessages } from '../../storage/yield-to-messages.ts';

/** Profiles of the part's first batch a rehearsal simulates, per journey. */
const REHEARSED = 2_000;
/** Of those, profiles traced, so the traced path (replication 0's) is compiled too. */
const TRACED = 100;
/** Profiles simulated between looks for a run (a few milliseconds, with the code still cold). */
const SLICE = 250;

/**
 * Rehearses a forecast on the first batch of a part a worker has read (decoded columns, so the
 * profiles it decodes serve the runs after), and drops the result:
 * each journey once traced (as replication 0 runs) and once not (as the others), over the
 * span of the part's own events. A first forecast on fresh workers otherwise runs its first
 * replications with the engine's code not yet compiled. Stops as soon as `busy` says a run has
 * started (it looks every {@link SLICE} profiles, so a run waits a few milliseconds at most).
 */
export async function rehearseForecast(
  batches: readonly ProfileColumns[],
  period: { start: number; horizonDays: number },
  specs: readonly Spec[],
  partition: number,
  busy: () => boolean,
): Promise<void> {
  const columns = batches[0];
  if (columns === undefined || columns.count === 0) return;
  const count = Math.min(REHEARSED, columns.count);
  const traced = Array.from({ length: Math.min(TRACED, count) }, (_, i) => columns.id(i));
  for (const spec of specs) {
    await yieldToMessages();
    if (busy()) return;
    const plan = createSimulationPlan(spec, { ...period, traceSample: 0 });
    const prepared = prepareColumns(plan, columns);
    for (const ids of [traced, []]) {
      const run = new PartitionRun(reseedPlan(plan, 1, ids), columns, partition, prepared);
      while (run.done < count) {
        run.advance(SLICE);
        // A run asked for meanwhile comes first.
        await yieldToMessages();
        if (busy()) return;
      }
      if (ids.length > 0) {
        const result = run.result();
        const profiles = ids.map((_, i) => columns.profile(i));
        tallyTraces(result, { profiles, cap: { max: 1, periodDays: 1 } });
      }
    }
  }
}
