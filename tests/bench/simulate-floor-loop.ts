/**
 * The floor of the simulator benchmark: the bench journey under the engine's model, hand-written
 * as one loop over the profiles' columns, giving the engine's result (checked field by field in
 * the bench and in bench-floor.test.ts). No plan is read and no step is interpreted: the journey's
 * shape is the code's shape, its tallies are typed arrays, and it reads what the engine reads:
 * event names and times, the reach column, the id hash column, and the amounts of orders (the
 * profile's own order in the goal's window, and for a simulated order the profile's average).
 */
import type { ProfileColumns } from '../../src/domain/simulate/profile-columns.ts';
import { hashMore, seedHash, STREAM } from '../../src/domain/simulate/seeded.ts';
import { BENCH_DAYS, BENCH_START, GOAL_WINDOW_DAYS, STEPS } from './simulate-floor.ts';
import type { FloorResult } from './simulate-floor-result.ts';
import { bump, EMAIL, floorRun, message, PUSH, SMS } from './simulate-floor-send.ts';
import { BLOCK, findEntrants, floorEntrants } from './simulate-floor-entrants.ts';
import { floorResult, floorTallies } from './simulate-floor-tally.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NEVER = Number.POSITIVE_INFINITY;

// The steps, in `STEPS` order (checked at load).
const T = 0;
const REACH = 1;
const E1 = 2;
const P0 = 3;
const D1 = 4;
const SPLIT = 5;
const E2 = 6;
const PB = 7;
const WFE = 8;
const XA = 9;
const VIP = 10;
const SMS_STEP = 11;
const E3 = 12;
const D3 = 13;
const E4 = 14;
const ENG = 15;
const P2 = 16;
const TAG = 17;
const D7 = 18;
const XB = 19;
const IDS = 't reach e1 p0 d1 split e2 pB wfe xA vip sms e3 d3 e4 eng p2 tag d7 xB';
if (STEPS.map(([id]) => id).join(' ') !== IDS)
  throw new Error('the bench journey changed: the floor must be written again to match it');

// The first branch of a step that chooses one is its `branch[step * 2]`, the second the next.
const YES = 0;
const NO = 1;

/**
 * The profile's own orders at or after `from` among its events `first` to `before` (those up to
 * the instant asked about), counted newest first up to `stop`, as an `event_count` rule counts.
 */
function ordersWithin(
  name: Int32Array,
  at: Float64Array,
  first: number,
  before: number,
  order: number,
  from: number,
  stop: number,
): number {
  let n = 0;
  for (let k = before - 1; k >= first; k--) {
    if ((at[k] as number) < from) break;
    if (name[k] === order && ++n >= stop) break;
  }
  return n;
}

/**
 * Runs the bench journey (settings as `benchJourney` has them: re-entry never, the goal an order
 * within {@link GOAL_WINDOW_DAYS}, default assumptions) over `columns` with `seed`, for the
 * period from `start`, `days` long; returns the figures the engine's result has for it.
 */
export function runFloor(
  columns: ProfileColumns,
  seed: number | string = 1,
  start = BENCH_START,
  days = BENCH_DAYS,
): FloorResult {
  const { eventStart, eventName, eventAt, reach } = columns;
  if (reach === undefined) throw new Error('the floor reads the reach column');
  if (columns.idHash === undefined) throw new Error('the floor reads the id hash column');
  if (columns.names.includes('email_opened'))
    throw new Error('the floor leaves out real email opens: the bench profiles have none');
  const run = floorRun(columns, start, days, STEPS.length);
  const { end, random, orderAt, orderAmount, unsubscribedAt } = run;
  const order = run.order;
  const seedKey = seedHash(seed);
  const windowMs = GOAL_WINDOW_DAYS * DAY;
  const t = floorTallies(STEPS.length, days, windowMs);
  const { entered, waiting, branch } = t;
  const lastHour = t.timeToConvert.length - 1;
  const lastBucket = t.messagesPerProfile.length - 1;
  const entrants = floorEntrants();
  const { entryEvent, goalEvent, goalCents, hash: hashes } = entrants;
  for (let block = 0; block < columns.count; block += BLOCK) {
    const to = Math.min(columns.count, block + BLOCK);
    const n = findEntrants(entrants, columns, block, to, order, start, end, windowMs);
    for (let k = 0; k < n; k++) {
      const p = entrants.profile[k] as number;
      const e = entryEvent[k] as number;
      const first = eventStart[p] as number;
      const last = eventStart[p + 1] as number;
      const entry = eventAt[e] as number;
      t.profilesEntered++;
      const entryDay = Math.floor((entry - start) / DAY);
      if (entryDay < days) bump(t.entriesPerDay, entryDay);
      const hash = hashes[k] as number;
      random.reseed(seedKey, hash, STREAM.behaviour);
      run.profile = p;
      run.first = first;
      run.last = last;
      run.messages = 0;
      run.average = Number.NaN;
      run.orders = 0;
      unsubscribedAt[EMAIL] = NEVER;
      unsubscribedAt[SMS] = NEVER;
      unsubscribedAt[PUSH] = NEVER;
      const r = reach[p] as number;
      const email = (r & (1 << EMAIL)) !== 0;
      const push = (r & (1 << PUSH)) !== 0;
      // The first event after the instant being looked at (every wait starts at or after entry).
      let next = e + 1;
      let now = entry;
      let exit = NEVER;
      bump(entered, T);
      bump(entered, REACH);
      if (email) {
        bump(branch, REACH * 2 + YES);
        bump(entered, E1);
        run.now = now;
        message(run, EMAIL, E1, true);
      } else {
        bump(branch, REACH * 2 + NO);
        bump(entered, P0);
        run.now = now;
        message(run, PUSH, P0, push);
      }
      journey: {
        bump(entered, D1);
        if (now + DAY >= end) {
          bump(waiting, D1);
          break journey;
        }
        now += DAY;
        bump(entered, SPLIT);
        // 50 / 50 by the hash of the id and the step's id (spec §5.2), in hundredths of a percent.
        if (hashMore(hash, ':split') % 10_000 < 5_000) {
          bump(branch, SPLIT * 2 + YES);
          bump(entered, E2);
          run.now = now;
          message(run, EMAIL, E2, email);
        } else {
          bump(branch, SPLIT * 2 + NO);
          bump(entered, PB);
          run.now = now;
          message(run, PUSH, PB, push);
        }
        // Wait up to 7 days for an order, the profile's own or one its messages brought.
        bump(entered, WFE);
        const until = now + 7 * DAY;
        while (next < last && (eventAt[next] as number) <= now) next++;
        let ordered = NEVER;
        for (let k = next; k < last; k++) {
          const at = eventAt[k] as number;
          if (at > until) break;
          if (eventName[k] === order) {
            ordered = at;
            break;
          }
        }
        for (let j = 0; j < run.orders; j++) {
          const at = orderAt[j] as number;
          if (at > now && at <= until && at < ordered) ordered = at;
        }
        const wake = ordered === NEVER ? until : ordered;
        if (wake >= end) {
          bump(waiting, WFE);
          break journey;
        }
        now = wake;
        if (ordered !== NEVER) {
          bump(branch, WFE * 2 + YES);
          bump(entered, XA);
          exit = now;
          break journey;
        }
        bump(branch, WFE * 2 + NO);
        // VIP: at least 2 orders in the last 365 days.
        bump(entered, VIP);
        while (next < last && (eventAt[next] as number) <= now) next++;
        const from = now - 365 * DAY;
        let orders = ordersWithin(eventName, eventAt, first, next, order, from, 2);
        for (let j = 0; j < run.orders && orders < 2; j++) {
          const at = orderAt[j] as number;
          if (at >= from && at <= now) orders++;
        }
        if (orders >= 2) {
          bump(branch, VIP * 2 + YES);
          bump(entered, SMS_STEP);
          run.now = now;
          message(run, SMS, SMS_STEP, (r & (1 << SMS)) !== 0);
        } else {
          bump(branch, VIP * 2 + NO);
          bump(entered, E3);
          run.now = now;
          message(run, EMAIL, E3, email);
        }
        bump(entered, D3);
        if (now + 3 * DAY >= end) {
          bump(waiting, D3);
          break journey;
        }
        now += 3 * DAY;
        bump(entered, E4);
        run.now = now;
        message(run, EMAIL, E4, email);
        const opened = run.openedAt;
        // Wait up to 2 days for that email's open.
        bump(entered, ENG);
        const openedInTime = opened > now && opened <= now + 2 * DAY;
        const woke = openedInTime ? opened : now + 2 * DAY;
        if (woke >= end) {
          bump(waiting, ENG);
          break journey;
        }
        now = woke;
        if (openedInTime) bump(branch, ENG * 2 + YES);
        else {
          bump(branch, ENG * 2 + NO);
          bump(entered, P2);
          run.now = now;
          message(run, PUSH, P2, push);
        }
        bump(entered, TAG);
        bump(entered, D7);
        if (now + 7 * DAY >= end) {
          bump(waiting, D7);
          break journey;
        }
        now += 7 * DAY;
        bump(entered, XB);
        exit = now;
      }
      // Re-entry is never: each later order in the period is refused, while active or after.
      for (let k = e + 1; k < last; k++) {
        const at = eventAt[k] as number;
        if (at >= end) break;
        if (eventName[k] === order) bump(t.refused, at < exit ? 0 : 1);
      }
      // The goal: the first order after entry within the window, real before simulated at a tie.
      const to = Math.min(entry + windowMs, end - 1);
      const real = goalEvent[k] as number;
      let converted = real < 0 ? NEVER : (eventAt[real] as number);
      let simulated = -1;
      for (let j = 0; j < run.orders; j++) {
        const at = orderAt[j] as number;
        if (at > entry && at <= to && at < converted) {
          converted = at;
          simulated = j;
        }
      }
      if (converted !== NEVER) {
        const cents =
          simulated >= 0
            ? Math.round((orderAmount[simulated] as number) * 100)
            : (goalCents[k] as number);
        t.conversions++;
        t.revenueCents += cents;
        const day = Math.floor((converted - start) / DAY);
        if (day < days) bump(t.conversionsPerDay, day);
        bump(t.timeToConvert, Math.min(lastHour, Math.floor((converted - entry) / HOUR)));
      }
      bump(t.messagesPerProfile, Math.min(run.messages, lastBucket));
    }
  }
  return floorResult(run, t, columns.count);
}
