/**
 * The floor's message sends: the engine's model of one message (spec §4 and `MessageSender`),
 * hand-written for the three channels of the bench journey with default assumptions and no
 * quiet hours, frequency cap or control group. Every draw is the engine's draw, in its order,
 * from the same per-profile stream, so the same profile gets the same fate in both.
 */
import { CHANNELS } from '../../src/domain/channels.ts';
import {
  DEFAULT_CHANNEL_BEHAVIOUR,
  simulationOptionsSchema,
} from '../../src/domain/simulate/options.ts';
import type { ProfileColumns } from '../../src/domain/simulate/profile-columns.ts';
import { ProfileRandom } from '../../src/domain/simulate/seeded.ts';
import { engagementsOf } from '../../src/domain/steps/journey-events.ts';

const MINUTE = 60_000;

export const EMAIL = CHANNELS.indexOf('email');
export const SMS = CHANNELS.indexOf('sms');
export const PUSH = CHANNELS.indexOf('push');
/** Per-channel tallies are indexed by `CHANNELS` index: the bench sends on the first three. */
export const CHANNEL_SLOTS = Math.max(EMAIL, SMS, PUSH) + 1;
/** Columns of the per-channel tally, as the engine's `CHANNEL_COUNTS`. */
export const SENT = 0;
export const DELIVERED = 1;
export const OPENED = 2;
export const CLICKED = 3;
export const UNSUBSCRIBED = 4;
export const CHANNEL_COUNTS = 5;
/** Columns of the per-channel suppression tally (the only causes the bench journey meets). */
export const UNREACHABLE = 0;
export const UNSUBSCRIBED_CAUSE = 1;

/** Adds one to a tally. */
export function bump(tally: Int32Array, i: number): void {
  tally[i] = (tally[i] as number) + 1;
}

/** A default assumption per channel slot. */
function perChannel(read: (channel: (typeof CHANNELS)[number]) => number): Float64Array {
  const out = new Float64Array(CHANNEL_SLOTS);
  for (let c = 0; c < CHANNEL_SLOTS; c++) out[c] = read(CHANNELS[c] as (typeof CHANNELS)[number]);
  return out;
}
const DELIVERED_RATE = perChannel((c) => DEFAULT_CHANNEL_BEHAVIOUR[c].deliveredRate);
const OPEN_RATE = perChannel((c) => DEFAULT_CHANNEL_BEHAVIOUR[c].openRate);
const CLICK_RATE = perChannel((c) => DEFAULT_CHANNEL_BEHAVIOUR[c].clickRate);
const UNSUBSCRIBE_RATE = perChannel((c) => DEFAULT_CHANNEL_BEHAVIOUR[c].unsubscribeRate);
const CONVERSION_RATE = perChannel((c) => DEFAULT_CHANNEL_BEHAVIOUR[c].conversionRate);
const DELIVERY_MS = perChannel((c) => DEFAULT_CHANNEL_BEHAVIOUR[c].deliveryDelayMinutes * MINUTE);
const OPEN_MS = perChannel((c) => DEFAULT_CHANNEL_BEHAVIOUR[c].openDelayMinutes * MINUTE);
const CLICK_MS = perChannel((c) => DEFAULT_CHANNEL_BEHAVIOUR[c].clickDelayMinutes * MINUTE);
const CONVERSION_MS = perChannel(
  (c) => DEFAULT_CHANNEL_BEHAVIOUR[c].conversionDelayMinutes * MINUTE,
);
/** Which engagements each channel reports (an engagement it lacks is not drawn at all). */
const HAS_OPEN = perChannel((c) => (engagementsOf(c).includes('opened') ? 1 : 0));
const HAS_CLICK = perChannel((c) => (engagementsOf(c).includes('clicked') ? 1 : 0));
const HAS_UNSUBSCRIBE = perChannel((c) => (engagementsOf(c).includes('unsubscribed') ? 1 : 0));
/** A conversion's order value: the profile's average order, else the default lognormal draw. */
const SPEND = simulationOptionsSchema.parse({}).spend;
if (SPEND.source !== 'profile_average')
  throw new Error('the floor values simulated orders at the profile average first');

/** Most simulated orders one profile can get: one per message, and a run sends at most five. */
const MAX_ORDERS = 8;

/**
 * The floor's state for one run, reused for every profile: the tallies, and the scratch of the
 * profile being simulated (its draws, unsubscribes and the orders its messages brought).
 */
export interface FloorRun {
  readonly random: ProfileRandom;
  readonly start: number;
  readonly end: number;
  readonly days: number;
  /** Per channel slot × {@link CHANNEL_COUNTS}. */
  readonly channel: Int32Array;
  /** Per channel slot × 2: unreachable, unsubscribed. */
  readonly suppressed: Int32Array;
  /** Per channel slot × day. */
  readonly sendsPerDay: Int32Array;
  /** Per step of the journey. */
  readonly sent: Int32Array;
  /** The profile being simulated: columns, index, its events' range, and name of its orders. */
  readonly columns: ProfileColumns;
  readonly order: number;
  profile: number;
  /** The instant of the message step being run, and when its message was opened. */
  now: number;
  openedAt: number;
  first: number;
  last: number;
  /** Messages sent to the profile. */
  messages: number;
  /** When it unsubscribed, per channel slot (Infinity: never). */
  readonly unsubscribedAt: Float64Array;
  /** The average amount of its real orders, worked out on its first simulated order (NaN: not yet). */
  average: number;
  /** The simulated orders, in the order they were drawn: times and amounts. */
  orders: number;
  readonly orderAt: Float64Array;
  readonly orderAmount: Float64Array;
}

/** A run's state over `columns` for the period from `start`, `days` long. */
export function floorRun(
  columns: ProfileColumns,
  start: number,
  days: number,
  steps: number,
): FloorRun {
  return {
    random: new ProfileRandom(),
    start,
    end: start + days * 86_400_000,
    days,
    channel: new Int32Array(CHANNEL_SLOTS * CHANNEL_COUNTS),
    suppressed: new Int32Array(CHANNEL_SLOTS * 2),
    sendsPerDay: new Int32Array(CHANNEL_SLOTS * days),
    sent: new Int32Array(steps),
    columns,
    order: columns.names.indexOf('order_placed'),
    profile: 0,
    now: 0,
    openedAt: Number.POSITIVE_INFINITY,
    first: 0,
    last: 0,
    messages: 0,
    unsubscribedAt: new Float64Array(CHANNEL_SLOTS),
    average: Number.NaN,
    orders: 0,
    orderAt: new Float64Array(MAX_ORDERS),
    orderAmount: new Float64Array(MAX_ORDERS),
  };
}

/** The order value of a simulated conversion: the profile's average order, else a lognormal draw. */
function orderValue(run: FloorRun): number {
  if (Number.isNaN(run.average)) {
    const { columns, order, first, last } = run;
    const events = columns.profile(run.profile).events;
    const names = columns.eventName;
    let sum = 0;
    let n = 0;
    for (let k = first; k < last; k++) {
      if (names[k] !== order) continue;
      const amount = events[k - first]?.props?.['amount'];
      if (typeof amount === 'number') {
        sum += amount;
        n++;
      }
    }
    run.average = n === 0 ? 0 : sum / n;
  }
  if (run.average > 0) return Math.round(run.average * 100) / 100;
  const s = SPEND.sigma;
  const drawn = SPEND.mean * Math.exp(s * run.random.normal() - (s * s) / 2);
  return Math.round(drawn * 100) / 100;
}

/**
 * A message step on channel slot `c` at `run.now`: suppressed when the profile cannot be reached
 * on it (`reachable` false) or unsubscribed from it, else sent, with its delivery, open, click,
 * unsubscribe and conversion drawn. Sets `run.openedAt` to when it was opened (Infinity: not).
 * Times pass through `run`: as an argument or a result, each would be a new heap number.
 */
export function message(run: FloorRun, c: number, step: number, reachable: boolean): void {
  const t = run.now;
  run.openedAt = Number.POSITIVE_INFINITY;
  if (!reachable || (run.unsubscribedAt[c] as number) <= t) {
    const cause = reachable ? UNSUBSCRIBED_CAUSE : UNREACHABLE;
    bump(run.suppressed, c * 2 + cause);
    return;
  }
  const { channel, end, random } = run;
  bump(channel, c * CHANNEL_COUNTS + SENT);
  bump(run.sent, step);
  run.messages++;
  const day = Math.floor((t - run.start) / 86_400_000);
  if (day >= 0 && day < run.days) bump(run.sendsPerDay, c * run.days + day);
  if (random.next() >= (DELIVERED_RATE[c] as number)) return;
  const deliveredAt = t + (DELIVERY_MS[c] as number);
  if (deliveredAt >= end) return;
  bump(channel, c * CHANNEL_COUNTS + DELIVERED);
  let engagedAt = deliveredAt;
  let engaged = true;
  if (HAS_OPEN[c] === 1) {
    engaged = random.next() < (OPEN_RATE[c] as number);
    if (engaged) {
      engagedAt = deliveredAt + random.exponential(OPEN_MS[c] as number);
      engaged = engagedAt < end;
      if (engaged) {
        bump(channel, c * CHANNEL_COUNTS + OPENED);
        run.openedAt = engagedAt;
      }
    }
  }
  if (engaged && HAS_CLICK[c] === 1) {
    engaged = random.next() < (CLICK_RATE[c] as number);
    if (engaged) {
      engagedAt += random.exponential(CLICK_MS[c] as number);
      engaged = engagedAt < end;
      if (engaged) bump(channel, c * CHANNEL_COUNTS + CLICKED);
    }
  }
  if (HAS_UNSUBSCRIBE[c] === 1 && random.next() < (UNSUBSCRIBE_RATE[c] as number)) {
    const at = deliveredAt + random.exponential(OPEN_MS[c] as number);
    if (at < end) {
      bump(channel, c * CHANNEL_COUNTS + UNSUBSCRIBED);
      if (at < (run.unsubscribedAt[c] as number)) run.unsubscribedAt[c] = at;
    }
  }
  if (engaged && random.next() < (CONVERSION_RATE[c] as number)) {
    const at = engagedAt + random.exponential(CONVERSION_MS[c] as number);
    if (at < end) {
      const k = run.orders++;
      run.orderAt[k] = at;
      run.orderAmount[k] = orderValue(run);
    }
  }
}
