import type { SimulationPlan } from '../../domain/simulate/plan.ts';
import type { ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import { yieldToMessages } from '../../storage/yield-to-messages.ts';
import type { SetLoader } from '../simulation/set-loader.ts';
import type { ParsedForecastWorkerRequest } from './forecast-protocol.ts';
import type { PreparedParts } from './prepared-parts.ts';

type PrepareRequest = Extract<ParsedForecastWorkerRequest, { type: 'prepare' }>;

/** A part's share prepared for a request's journeys, with their plans (one per spec, in order). */
export type PreparedShare = ReturnType<PreparedParts['whole']> & {
  plans: readonly SimulationPlan[];
};

/**
 * Works out, ahead of a forecast, what its runs over this worker's part need whatever their
 * seed (see `PreparedParts`): per kept batch, the journeys' entries for the period (decoding
 * their entrants), the trace keys and the historical NPS, then the batches joined. A batch and a journey at a time,
 * yielding between them; stops as soon as `stale` says a run started or a newer preparation
 * was asked for (a run then works out what is left itself). Returns the part's share once
 * prepared, with the journeys' plans (compiled once, for the rehearsal too), null when stopped
 * (or empty).
 */
export async function prepareAhead(
  request: PrepareRequest,
  kept: PreparedParts,
  loader: SetLoader,
  stale: () => boolean,
): Promise<PreparedShare | null> {
  const period = { start: request.start, horizonDays: request.horizonDays };
  const plans = request.specs.map((spec) => kept.plan(spec, {}, period));
  const batches: ProfileColumns[] = [];
  const part = { index: request.partition, of: request.parts };
  for await (const raw of loader.columns(request.set, part)) {
    const columns = kept.columns(raw);
    batches.push(columns);
    kept.traceKeysOf(columns);
    kept.npsOf(columns);
    for (const plan of plans) {
      await yieldToMessages();
      if (stale()) return null;
      kept.entriesOf(plan, columns);
    }
  }
  await yieldToMessages();
  if (stale()) return null;
  return batches.length === 0 ? null : { ...kept.whole(batches, plans), plans };
}
