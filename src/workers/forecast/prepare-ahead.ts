import type { ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import { yieldToMessages } from '../../storage/yield-to-messages.ts';
import type { SetLoader } from '../simulation/set-loader.ts';
import type { ParsedForecastWorkerRequest } from './forecast-protocol.ts';
import type { PreparedParts } from './prepared-parts.ts';

type PrepareRequest = Extract<ParsedForecastWorkerRequest, { type: 'prepare' }>;

/**
 * Works out, ahead of a forecast, what its runs over this worker's part need whatever their
 * seed (see `PreparedParts`): per kept batch, the journeys' entries for the period (decoding
 * their entrants), the trace keys and the historical NPS, then the batches joined. A batch and a journey at a time,
 * yielding between them; stops as soon as `stale` says a run started or a newer preparation
 * was asked for (a run then works out what is left itself). Returns the part's batches once
 * prepared, null when stopped.
 */
export async function prepareAhead(
  request: PrepareRequest,
  kept: PreparedParts,
  loader: SetLoader,
  stale: () => boolean,
): Promise<ProfileColumns[] | null> {
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
  if (batches.length > 0) kept.whole(batches, plans);
  return batches;
}
