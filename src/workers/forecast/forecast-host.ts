import { profileColumns, type ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import { EventSpan } from '../../domain/simulate/window.ts';
import {
  forecastWorkerRequestSchema,
  type ForecastRunRequest,
  type ForecastWorkerEvent,
  type ParsedForecastWorkerRequest,
} from './forecast-protocol.ts';
import { serve } from '../shared/serve.ts';
import { caughtError } from '../shared/worker-failure.ts';
import type { WorkerScope } from '../shared/worker-scope.ts';
import { cachedSetLoader, type SetLoader } from '../simulation/set-loader.ts';
import { rehearseForecast } from './forecast-rehearsal.ts';
import { prepareAhead } from './prepare-ahead.ts';
import { PreparedParts, type Period } from './prepared-parts.ts';
import { RecentKeys } from './recent-keys.ts';
import { runShare } from './run-share.ts';

type PrepareRequest = Extract<ParsedForecastWorkerRequest, { type: 'prepare' }>;

/** Profiles per batch when the profiles were sent rather than read from a stored set. */
const SENT_BATCH = 5_000;
/** Journeys a worker remembers having rehearsed. */
const REHEARSED_KEPT = 16;

/** The share's profiles in batches: those sent, or the stored set's part read chunk by chunk. */
async function* batchesOf(
  request: ForecastRunRequest,
  loader: SetLoader,
): AsyncGenerator<ProfileColumns> {
  if (request.type === 'run') {
    const { profiles } = request;
    for (let from = 0; from < profiles.length; from += SENT_BATCH)
      yield profileColumns(profiles.slice(from, from + SENT_BATCH));
    return;
  }
  yield* loader.columns(request.set, { index: request.partition, of: request.parts });
}

/** Reads a part whole: its batches, and the span of its events. */
async function readPart(
  batches: AsyncIterable<ProfileColumns>,
  stop: () => boolean,
): Promise<{ batches: ProfileColumns[]; span: EventSpan }> {
  const read: ProfileColumns[] = [];
  const span = new EventSpan();
  for await (const batch of batches) {
    if (stop()) break;
    span.addColumns(batch);
    read.push(batch);
  }
  return { batches: read, span };
}

/** A span's ends, null where there are no events. */
function ends(span: EventSpan): { first: number | null; last: number | null } {
  const known = (n: number) => (Number.isFinite(n) ? n : null);
  return { first: known(span.first), last: known(span.last) };
}

/**
 * Serves forecast requests in a worker: reads its share of the profiles once (sent, or its part
 * of a stored set, indexed as columns so only entrants become objects) and runs every
 * replication of every variant over it (see `runShare`). Between runs it reads ahead, rehearses
 * and prepares what the page says a forecast will need, giving way to any run.
 */
export function hostForecast(scope: WorkerScope, loader: SetLoader = cachedSetLoader): void {
  /** The current run was cancelled (a worker runs one forecast at a time). */
  let cancelled = false;
  /** What the worker keeps of the parts it holds, for every forecast over them. */
  const kept = new PreparedParts();
  /** Runs started and not yet ended: work ahead of a run gives way to them. */
  let running = 0;
  /** Work ahead of runs (reads, rehearsals, preparations), one after the other. */
  let ahead: Promise<void> = Promise.resolve();
  /**
   * The latest `prepare` not yet carried out to its end: a newer one replaces it, and one that
   * arrives while a run has the worker, or is cut short by a run, is carried out once the worker
   * is free.
   */
  let latestPrepare: PrepareRequest | null = null;
  /** A preparation is queued or under way (one at a time, always of the latest request). */
  let preparing = false;
  /**
   * Journeys rehearsed (as JSON): once compiled, the engine's code for a journey stays so, and
   * the page asks again at every change of its choice. The last few are enough: a session of
   * edits makes a new JSON at every change.
   */
  const rehearsed = new RecentKeys(REHEARSED_KEPT);
  const post = (event: ForecastWorkerEvent): void => scope.postMessage(event);
  /** Hands the current run the period it awaits. */
  let setPeriod: (period: Period) => void = () => undefined;
  const queue = (work: () => Promise<void>): void => {
    // Only a head start: a failure here is met again, and reported, by the run.
    ahead = ahead.then(work).catch(() => undefined);
  };

  /** Prepares `request`'s journeys, then rehearses those not rehearsed yet; stops once `stale`. */
  async function prepare(request: PrepareRequest, stale: () => boolean): Promise<void> {
    const share = await prepareAhead(request, kept, loader, stale);
    // Then the engine's code for the journeys compiled, on their real entries.
    if (share === null || stale()) return;
    const fresh = request.specs
      .map((spec, i) => ({ json: JSON.stringify(spec), plan: share.plans[i] }))
      .filter(({ json }) => !rehearsed.has(json));
    if (fresh.length === 0) return;
    const plans = fresh.flatMap(({ plan }) => (plan === undefined ? [] : [plan]));
    await rehearseForecast(share, plans, request.partition, stale);
    // Only a rehearsal run to its end counts: one cut short is done again next time.
    if (!stale()) for (const { json } of fresh) rehearsed.remember(json);
  }

  /** Carries out the latest `prepare`, unless a run has the worker (then after it). */
  function prepareWhenFree(): void {
    if (preparing || running > 0 || latestPrepare === null) return;
    preparing = true;
    queue(async () => {
      const request = latestPrepare;
      let cut = false;
      /** A run started or a newer request came: this one stops (and is done again if still the latest). */
      const stale = (): boolean => (cut ||= running > 0 || latestPrepare !== request);
      try {
        if (request !== null && !stale()) await prepare(request, stale);
      } catch {
        // Only a head start: a failure here is met again, and reported, by the run.
      } finally {
        if (!cut && latestPrepare === request) latestPrepare = null;
        preparing = false;
        prepareWhenFree();
      }
    });
  }

  async function forecast(request: ForecastRunRequest): Promise<void> {
    const awaits = request.type === 'run-set' && request.awaitPeriod;
    const period = new Promise<Period>((resolve) => (setPeriod = resolve));
    let readFirst: ProfileColumns[] | null = null;
    if (awaits) {
      // The period is the span of the whole set: read the part, say its span, await the period.
      const read = await readPart(batchesOf(request, loader), () => cancelled);
      if (cancelled) return;
      post({ type: 'span', partition: request.partition, ...ends(read.span) });
      readFirst = read.batches;
    }
    await runShare({
      request,
      kept,
      batches: batchesOf(request, loader),
      readFirst,
      period: awaits ? await period : null,
      post,
      cancelled: () => cancelled,
    });
  }

  serve(scope, {
    schema: forecastWorkerRequestSchema,
    failure: (message): ForecastWorkerEvent => ({ type: 'error', partition: -1, message }),
    unreadable: 'A forecast worker could not read its request',
    handle(request) {
      if (request.type === 'cancel') cancelled = true;
      else if (request.type === 'period') setPeriod(request);
      else if (request.type === 'read-ahead') {
        const part = { index: request.partition, of: request.parts };
        queue(async () => {
          const read = await readPart(loader.columns(request.set, part), () => false);
          if (request.ahead !== undefined)
            post({
              type: 'part-span',
              ahead: request.ahead,
              partition: request.partition,
              ...ends(read.span),
            });
        });
      } else if (request.type === 'prepare') {
        latestPrepare = request;
        prepareWhenFree();
      } else {
        cancelled = false;
        running++;
        forecast(request)
          .catch((error: unknown) =>
            post({ type: 'error', partition: request.partition, ...caughtError(error) }),
          )
          .finally(() => {
            running--;
            prepareWhenFree();
          });
      }
    },
  });
}
