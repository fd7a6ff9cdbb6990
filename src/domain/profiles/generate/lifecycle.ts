import type { ProfileEvent, Scalar } from '../profile';
import { type Random, weightedTable } from '../random';
import { DAY_MS, HOUR_MS, toIsoDate } from '../dates';
import { drawPurchases, type PurchaseModel } from './purchase-model';

/** The lifecycle events the generator writes, in the order a customer meets them. */
export const LIFECYCLE_EVENTS = [
  'signed_up',
  'cart_abandoned',
  'order_placed',
  'order_delivered',
  'order_returned',
  'support_ticket_opened',
  'support_ticket_closed',
  'nps_response',
  'subscription_renewal_due',
] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

const YEAR_MS = 365.25 * DAY_MS;
const WEEKS_PER_YEAR = 365.25 / 7;
const MAX_ORDERS = 250;
const NPS_SCORES = weightedTable(
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(
    (s) => [s, [2, 1, 1, 2, 2, 5, 6, 12, 20, 22, 27][s] ?? 1] as const,
  ),
);
const TICKET_TOPICS = weightedTable([
  ['delivery', 35],
  ['billing', 20],
  ['product', 25],
  ['account', 12],
  ['returns', 8],
] as const);

/** Custom attributes derived from the generated history. */
export interface LifecycleSummary {
  ltv: number;
  orders: number;
  renewalDate?: string;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function sortedTimes(random: Random, count: number, from: number, to: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(Math.floor(from + random.next() * (to - from)));
  return times.sort(ascending);
}

/**
 * Draws a customer's history between signup and `end`, sorted by time, and a summary for
 * their custom attributes.
 */
export function generateLifecycle(
  random: Random,
  id: string,
  signupAt: number,
  end: number,
  plan: string,
  purchases: PurchaseModel,
): { events: ProfileEvent[]; summary: LifecycleSummary } {
  const events: ProfileEvent[] = [];
  const push = (name: LifecycleEvent, at: number, props: Record<string, Scalar>): void => {
    if (at < end) events.push({ name, at, props });
  };
  events.push({ name: 'signed_up', at: signupAt });
  const years = Math.max(0, (end - signupAt) / YEAR_MS);
  const drawn = drawPurchases(random, purchases, signupAt, end, MAX_ORDERS);
  // Carts and tickets grow with how often the customer buys (per year).
  const rate = drawn.ratePerWeek * WEEKS_PER_YEAR;
  const spendMu = Math.log(35) + 0.5 * random.normal();
  let ltv = 0;
  const orderTimes = drawn.times;
  for (let i = 0; i < orderTimes.length; i++) {
    const at = orderTimes[i] ?? signupAt;
    const amount = drawn.amounts[i] ?? 0;
    const orderId = `${id}-o${i + 1}`;
    ltv += amount;
    push('order_placed', at, { orderId, amount, quantity: 1 + random.poisson(0.6) });
    const deliveredAt = at + (2 + random.exponential(2)) * DAY_MS;
    const onTime = random.chance(0.9);
    push('order_delivered', Math.floor(deliveredAt), {
      orderId,
      onTime,
      complete: random.chance(0.96),
    });
    if (random.chance(onTime ? 0.05 : 0.12)) {
      const returnedAt = Math.floor(deliveredAt + (3 + random.int(0, 18)) * DAY_MS);
      push('order_returned', returnedAt, { orderId, amount });
    }
  }
  const carts = random.poisson((rate * 0.8 + 0.4) * years);
  for (const at of sortedTimes(random, carts, signupAt, end)) {
    push('cart_abandoned', at, { cartValue: round2(random.lognormal(spendMu, 0.5)) });
  }
  const tickets = random.poisson((0.3 + 0.15 * rate) * years);
  for (const [n, at] of sortedTimes(random, tickets, signupAt, end).entries()) {
    const ticketId = `${id}-t${n + 1}`;
    push('support_ticket_opened', at, { ticketId, topic: TICKET_TOPICS.sample(random) });
    if (random.chance(0.93)) {
      push('support_ticket_closed', Math.floor(at + random.exponential(20) * HOUR_MS), {
        ticketId,
      });
    }
  }
  const surveys = Math.min(3, random.poisson(0.45 * years));
  for (const at of sortedTimes(random, surveys, signupAt, end)) {
    push('nps_response', at, { score: NPS_SCORES.sample(random) });
  }
  let renewalDate: string | undefined;
  if (plan !== 'free') {
    let due = addYears(signupAt, 1);
    while (due - 7 * DAY_MS < end) {
      push('subscription_renewal_due', due - 7 * DAY_MS, { plan, renewalDate: toIsoDate(due) });
      if (due >= end) break;
      due = addYears(due, 1);
    }
    renewalDate = toIsoDate(due);
  }
  events.sort(byTime);
  const summary: LifecycleSummary = { ltv: round2(ltv), orders: orderTimes.length };
  if (renewalDate !== undefined) summary.renewalDate = renewalDate;
  return { events, summary };
}

function byTime(a: ProfileEvent, b: ProfileEvent): number {
  return a.at - b.at;
}

function addYears(ms: number, years: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}
