import { tallyTraces } from '../../domain/forecast/trace-tallies.ts';
import { reseedPlan, type SimulationPlan } from '../../domain/simulate/plan.ts';
import type { PreparedProfiles } from '../../domain/simulate/prepared-profiles.ts';
import type { ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import { PartitionRun } from '../../domain/simulate/simulate.ts';
import { yieldToMessages } from '../../storage/yield-to-messages.ts';

/**
 * Profiles of the share a rehearsal simulates, per journey and way (traced, untraced): the
 * engine's code runs several times slower until V8 has optimised it, and a run of 2,000 left
 * most of that to the forecast's first replications (the first run of 50,000 profiles in Node
 * took 3–6 times as long as the next).
 */
const REHEARSED = 10_000;
/** Of those, profiles traced, so the traced path (replication 0's) is compiled too. */
const TRACED = 100;
/** Profiles simulated between looks for a run (a few milliseconds, with the code still cold). */
const SLICE = 250;

/**
 * Rehearses a forecast on a worker's prepared share (see `PreparedParts`), and drops the
 * result: each journey once traced (as replication 0 runs) and once not (as the others). A
 * first forecast on fresh workers otherwise runs its first replications with the engine's code
 * not yet compiled. Stops as soon as `busy` says a run has started (it looks every
 * {@link SLICE} profiles, so a run waits a few milliseconds at most).
 */
export async function rehearseForecast(
  share: { columns: ProfileColumns; entriesOf: (plan: SimulationPlan) => PreparedProfiles },
  plans: readonly SimulationPlan[],
  partition: number,
  busy: () => boolean,
): Promise<void> {
  const { columns } = share;
  const count = Math.min(REHEARSED, columns.count);
  const traced = Array.from({ length: Math.min(TRACED, count) }, (_, i) => columns.id(i));
  for (const plan of plans) {
    for (const ids of [traced, []]) {
      await yieldToMessages();
      if (busy()) return;
      const run = new PartitionRun(
        reseedPlan(plan, 1, ids),
        columns,
        partition,
        share.entriesOf(plan),
      );
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
