import { maxMessagesInWindow } from './fatigue.ts';
import { perfectOrderRate } from './perfect-order.ts';
import type { Profile } from '../profiles/profile.ts';
import type { SimulationResult } from '../simulate/result-schema.ts';
import type { ProfileTrace } from '../simulate/trace.ts';

const SPLIT_KINDS = new Set(['random_split', 'if_else', 'multi_split']);
/** A message step's trace reason when it sent, or would have sent but for the frequency cap. */
const ATTEMPT = /(^|; )sent[:,]|frequency cap/;

/** Runs that left one split step by one branch, and what they did. */
export interface PathTally {
  stepId: string;
  stepLabel: string;
  stepKind: string;
  branch: string;
  /** Runs that took the branch. */
  entered: number;
  /** Of those, runs that reached the goal. */
  converted: number;
  revenue: number;
  /** Simulated NPS answers during those runs, per score 0–10. */
  npsScores: number[];
}

/** Orders, deliveries and perfect deliveries (see `perfectOrderRate`). */
export interface OrderTally {
  orders: number;
  delivered: number;
  perfect: number;
}

/** What the traces of one partition's replication add up to; every field is additive over partitions. */
export interface TraceTallies {
  /** Traced profiles (entrants, or a hash-picked sample of them). */
  traced: number;
  /** Of those, profiles whose messages (sent or held back by the cap) exceed the cap in some period. */
  overCap: number;
  paths: Record<string, PathTally>;
  /** Conversions and revenue per traced profile that converted. */
  converters: Record<string, { conversions: number; revenue: number }>;
  /** Perfect orders of the traced entrants: placed before their first entry, and while in the journey. */
  perfectOrder: { before: OrderTally; during: OrderTally };
}

/** What {@link tallyTraces} needs besides the result. */
export interface TallyContext {
  /** The profiles of the partition, to read the traced ones' order history. */
  profiles: readonly Profile[];
  /** The frequency cap the fatigue figure is measured against. */
  cap: { max: number; periodDays: number };
}

function addOrderWindow(
  into: OrderTally,
  profile: Profile,
  from: number | undefined,
  to: number,
): void {
  const t = perfectOrderRate([profile], from === undefined ? { to } : { from, to });
  into.orders += t.orders;
  into.delivered += t.delivered;
  into.perfect += t.perfect;
}

function pathKey(stepId: string, branch: string): string {
  return `${stepId}\u0000${branch}`;
}

function tallyRuns(trace: ProfileTrace, paths: Record<string, PathTally>): void {
  for (const run of trace.runs) {
    const ends = run.endedAt ?? Number.POSITIVE_INFINITY;
    const answers = trace.simulatedEvents.filter(
      (e) => e.name === 'nps_response' && e.at >= run.entryAt && e.at <= ends,
    );
    for (const step of run.steps) {
      if (step.branch === null || !SPLIT_KINDS.has(step.kind)) continue;
      const key = pathKey(step.stepId, step.branch);
      const tally = (paths[key] ??= {
        stepId: step.stepId,
        stepLabel: step.label,
        stepKind: step.kind,
        branch: step.branch,
        entered: 0,
        converted: 0,
        revenue: 0,
        npsScores: new Array<number>(11).fill(0),
      });
      tally.entered++;
      if (run.conversion !== null) {
        tally.converted++;
        tally.revenue += run.conversion.amount ?? 0;
      }
      for (const answer of answers) {
        const score = answer.props?.['score'];
        if (typeof score === 'number' && score >= 0 && score <= 10)
          tally.npsScores[Math.round(score)] = (tally.npsScores[Math.round(score)] ?? 0) + 1;
      }
    }
  }
}

/**
 * Tallies one partition's traces for the figures the counters do not hold: conversions and
 * NPS per branch of every split, profiles over the frequency cap (counting the messages the cap
 * held back, so the figure is the share that would exceed it without the cap), converters for
 * the CLV projection, and the perfect-order rate of the traced entrants: orders placed before
 * their first entry, and orders placed while in the journey (from entry to the run's end). A
 * run's window is end-exclusive, so an order at the instant a run ends counts for neither.
 */
export function tallyTraces(result: SimulationResult, context: TallyContext): TraceTallies {
  const messageSteps = new Set(
    Object.values(result.steps)
      .filter((s) => s.channel !== null)
      .map((s) => s.stepId),
  );
  const tracedIds = new Set(result.traces.map((t) => t.profileId));
  const byId = new Map<string, Profile>();
  for (const p of context.profiles) if (tracedIds.has(p.id)) byId.set(p.id, p);
  const paths: Record<string, PathTally> = {};
  const converters: TraceTallies['converters'] = {};
  const perfectOrder = {
    before: { orders: 0, delivered: 0, perfect: 0 },
    during: { orders: 0, delivered: 0, perfect: 0 },
  };
  let overCap = 0;
  for (const trace of result.traces) {
    const profile = byId.get(trace.profileId);
    const firstRun = trace.runs[0];
    if (profile !== undefined && firstRun !== undefined) {
      addOrderWindow(perfectOrder.before, profile, undefined, firstRun.entryAt);
      for (const run of trace.runs)
        addOrderWindow(perfectOrder.during, profile, run.entryAt, run.endedAt ?? result.end);
    }
    tallyRuns(trace, paths);
    const attempts: number[] = [];
    let conversions = 0;
    let revenue = 0;
    for (const run of trace.runs) {
      if (run.conversion !== null) {
        conversions++;
        revenue += run.conversion.amount ?? 0;
      }
      for (const step of run.steps)
        if (messageSteps.has(step.stepId) && ATTEMPT.test(step.reason)) attempts.push(step.at);
    }
    if (conversions > 0) converters[trace.profileId] = { conversions, revenue };
    if (maxMessagesInWindow(attempts, context.cap.periodDays) > context.cap.max) overCap++;
  }
  return { traced: result.traces.length, overCap, paths, converters, perfectOrder };
}

function addOrders(into: OrderTally, from: OrderTally): void {
  into.orders += from.orders;
  into.delivered += from.delivered;
  into.perfect += from.perfect;
}

/** Adds tallies of partitions (or replications) together. */
export function mergeTallies(list: readonly TraceTallies[]): TraceTallies {
  const out: TraceTallies = {
    traced: 0,
    overCap: 0,
    paths: {},
    converters: {},
    perfectOrder: {
      before: { orders: 0, delivered: 0, perfect: 0 },
      during: { orders: 0, delivered: 0, perfect: 0 },
    },
  };
  for (const t of list) {
    out.traced += t.traced;
    out.overCap += t.overCap;
    for (const [key, p] of Object.entries(t.paths)) {
      const into = out.paths[key];
      if (into === undefined) out.paths[key] = { ...p, npsScores: [...p.npsScores] };
      else {
        into.entered += p.entered;
        into.converted += p.converted;
        into.revenue += p.revenue;
        p.npsScores.forEach((n, i) => (into.npsScores[i] = (into.npsScores[i] ?? 0) + n));
      }
    }
    for (const [id, c] of Object.entries(t.converters)) {
      const into = out.converters[id];
      if (into === undefined) out.converters[id] = { ...c };
      else {
        into.conversions += c.conversions;
        into.revenue += c.revenue;
      }
    }
    addOrders(out.perfectOrder.before, t.perfectOrder.before);
    addOrders(out.perfectOrder.during, t.perfectOrder.during);
  }
  return out;
}
