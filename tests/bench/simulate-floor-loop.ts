/**
 * The floor of the simulator benchmark: the bench journey under the engine's model, hand-written
 * as one loop over the profiles' columns, giving the engine's result (checked field by field in
 * the bench and in bench-floor.test.ts). No plan is read and no step is interpreted: the journey's
 * shape is the code's shape, its tallies are typed arrays, and it reads what the engine reads
 * (event names and times, the reach column, ids, and an order's amount when one converts).
 */
import type { ProfileEvent } from '../../src/domain/profiles/profile.ts';
import type { ProfileColumns } from '../../src/domain/simulate/profile-columns.ts';
import * as seeded from '../../src/domain/simulate/seeded.ts';
import { BENCH_DAYS, BENCH_START, GOAL_WINDOW_DAYS, STEPS } from './simulate-floor.ts';
import type { FloorResult } from './simulate-floor-result.ts';
import * as send from './simulate-floor-send.ts';
import { floorResult, type FloorTallies } from './simulate-floor-tally.ts';

// The bench runs under tsx, which turns each module into CommonJS: every read of an imported
// name is then a call of a getter on the module's exports, and the loop reads them per profile
// (twice as slow, measured). So it reads local copies, taken once.
const { bump, EMAIL, floorRun, message, PUSH, SMS } = send;
const { hashMore, hashText, seedHash } = seeded;
const BEHAVIOUR = seeded.STREAM.behaviour;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const NEVER = Number.POSITIVE_INFINITY;
/** Profiles whose entrants are set up together (see the passes in {@link runFloor}). */
const BLOCK = 256;

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

/** The profile's own orders in `[from, to]`, counted up to `stop`, as an `event_count` rule. */
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
  if (columns.names.includes('email_opened'))
    throw new Error('the floor leaves out real email opens: the bench profiles have none');
  const run = floorRun(columns, start, days, STEPS.length);
  const { end, random, orderAt, orderAmount, unsubscribedAt } = run;
  const order = run.order;
  const seedKey = seedHash(seed);
  const windowMs = GOAL_WINDOW_DAYS * DAY;
  const t: FloorTallies = {
    entered: new Int32Array(STEPS.length),
    waiting: new Int32Array(STEPS.length),
    branch: new Int32Array(STEPS.length * 2),
    refused: new Int32Array(2),
    messagesPerProfile: new Int32Array(51),
    timeToConvert: new Int32Array(Math.ceil(windowMs / HOUR) + 1),
    entriesPerDay: new Int32Array(days),
    conversionsPerDay: new Int32Array(days),
    profilesEntered: 0,
    conversions: 0,
    revenueCents: 0,
  };
  const { entered, waiting, branch } = t;
  const lastHour = t.timeToConvert.length - 1;
  const who = new Int32Array(BLOCK);
  const entryEvent = new Int32Array(BLOCK);
  const idLength = new Int32Array(BLOCK);
  const hashes = new Uint32Array(BLOCK);
  const goalEvent = new Int32Array(BLOCK);
  const goalCents = new Float64Array(BLOCK);
  const goalOf = new Int32Array(BLOCK);
  const lists: (readonly ProfileEvent[])[] = new Array<readonly ProfileEvent[]>(BLOCK).fill([]);
  const events: ProfileEvent[] = new Array<ProfileEvent>(BLOCK).fill({ name: '', at: 0 });
  const props: ProfileEvent['props'][] = new Array<ProfileEvent['props']>(BLOCK).fill(undefined);
  const ids: string[] = new Array<string>(BLOCK).fill('');
  for (let block = 0; block < columns.count; block += BLOCK) {
    // The entrants of the block: whose first order in the period is when.
    let n = 0;
    for (let p = block, to = Math.min(columns.count, block + BLOCK); p < to; p++) {
      const last = eventStart[p + 1] as number;
      let e = eventStart[p] as number;
      for (; e < last; e++) {
        if (eventName[e] !== order) continue;
        const at = eventAt[e] as number;
        if (at >= start) {
          if (at >= end) e = last;
          break;
        }
      }
      if (e === last) continue;
      who[n] = p;
      entryEvent[n] = e;
      // The profile's own order that reaches the goal, unless a simulated one comes first.
      const entry = eventAt[e] as number;
      const until = Math.min(entry + windowMs, end - 1);
      let goal = -1;
      for (let g = e + 1; g < last; g++) {
        const at = eventAt[g] as number;
        if (at > until) break;
        if (at > entry && eventName[g] === order) {
          goal = g;
          break;
        }
      }
      goalEvent[n++] = goal;
    }
    // Their ids, the ids' lengths, then their hashes: each first read of cold memory in a pass
    // of its own, so that the reads of a pass are in flight together (as the engine does).
    for (let k = 0; k < n; k++) ids[k] = columns.id(who[k] as number);
    for (let k = 0; k < n; k++) idLength[k] = (ids[k] as string).length;
    for (let k = 0; k < n; k++) hashes[k] = hashText(ids[k] as string);
    // The amounts of those orders, read from the profile objects (the columns hold no amounts):
    // the event lists, the events, then their props, each in a pass.
    let m = 0;
    for (let k = 0; k < n; k++) {
      if ((goalEvent[k] as number) < 0) continue;
      goalOf[m] = k;
      lists[m++] = columns.profile(who[k] as number).events;
    }
    for (let j = 0; j < m; j++) {
      const k = goalOf[j] as number;
      const g = (goalEvent[k] as number) - (eventStart[who[k] as number] as number);
      events[j] = (lists[j] as readonly ProfileEvent[])[g] as ProfileEvent;
    }
    for (let j = 0; j < m; j++) props[j] = (events[j] as ProfileEvent).props;
    for (let j = 0; j < m; j++) {
      const amount = props[j]?.['amount'];
      goalCents[goalOf[j] as number] =
        typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount * 100) : 0;
    }
    for (let k = 0; k < n; k++) {
      const p = who[k] as number;
      const e = entryEvent[k] as number;
      const first = eventStart[p] as number;
      const last = eventStart[p + 1] as number;
      const entry = eventAt[e] as number;
      t.profilesEntered++;
      const entryDay = Math.floor((entry - start) / DAY);
      if (entryDay < days) bump(t.entriesPerDay, entryDay);
      const hash = hashes[k] as number;
      random.reseed(seedKey, hash, BEHAVIOUR);
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
        message(run, EMAIL, E1, now, true);
      } else {
        bump(branch, REACH * 2 + NO);
        bump(entered, P0);
        message(run, PUSH, P0, now, push);
      }
      journey: {
        bump(entered, D1);
        if (now + DAY >= end) {
          bump(waiting, D1);
          break journey;
        }
        now += DAY;
        bump(entered, SPLIT);
        if (hashMore(hash, ':split') % 10_000 < 5_000) {
          bump(branch, SPLIT * 2 + YES);
          bump(entered, E2);
          message(run, EMAIL, E2, now, email);
        } else {
          bump(branch, SPLIT * 2 + NO);
          bump(entered, PB);
          message(run, PUSH, PB, now, push);
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
          message(run, SMS, SMS_STEP, now, (r & (1 << SMS)) !== 0);
        } else {
          bump(branch, VIP * 2 + NO);
          bump(entered, E3);
          message(run, EMAIL, E3, now, email);
        }
        bump(entered, D3);
        if (now + 3 * DAY >= end) {
          bump(waiting, D3);
          break journey;
        }
        now += 3 * DAY;
        bump(entered, E4);
        const opened = message(run, EMAIL, E4, now, email);
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
          message(run, PUSH, P2, now, push);
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
      bump(t.messagesPerProfile, Math.min(run.messages, 50));
    }
  }
  return floorResult(run, t, columns.count);
}
