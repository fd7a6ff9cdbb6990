import { CHANNELS, type Channel } from '../channels.ts';
import {
  CHANNEL_COUNTS,
  DEFERRED_DROP_REASONS,
  EXIT_REASONS,
  settleBranches,
  stepEntries,
  stepExits,
  SUPPRESSION_CAUSES,
  type Counters,
} from './counters.ts';
import { deriveFigures } from './derive.ts';
import { flowOrder } from './step-table.ts';
import type { SimulationPlan } from './plan.ts';
import {
  SIMULATION_RESULT_VERSION,
  type ChannelResult,
  type SimulationResult,
  type StepResult,
} from './result-schema.ts';
import type { ProfileTrace } from './trace.ts';

/**
 * Values `from` to `to` of a tally as a plain array (`Array.from` on a typed array walks it
 * through an iterator: it was most of a result's building time).
 */
function plain(tally: Float64Array, from = 0, to = tally.length): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(tally[i] as number);
  return out;
}

function channelResult(counters: Counters, c: number): ChannelResult {
  const at = counters.channel;
  const a = c * CHANNEL_COUNTS.length;
  const sup = counters.suppressed;
  const s = c * SUPPRESSION_CAUSES.length;
  const dropped = counters.deferredDropped;
  const d = c * DEFERRED_DROP_REASONS.length;
  return {
    sent: at[a] as number,
    delivered: at[a + 1] as number,
    opened: at[a + 2] as number,
    clicked: at[a + 3] as number,
    unsubscribed: at[a + 4] as number,
    suppressed: {
      unreachable: sup[s] as number,
      unsubscribed: sup[s + 1] as number,
      quiet_hours_dropped: sup[s + 2] as number,
      quiet_hours_deferred: sup[s + 3] as number,
      frequency_cap: sup[s + 4] as number,
    },
    deferredDropped: {
      exit_criteria: dropped[d] as number,
      goal: dropped[d + 1] as number,
      horizon: dropped[d + 2] as number,
      frequency_cap: dropped[d + 3] as number,
    },
    cost: 0,
  };
}

/** Turns a partition's tallies into a result with its derived figures. */
export function buildResult(
  plan: SimulationPlan,
  counters: Counters,
  traces: ProfileTrace[],
  partition: number | null,
): SimulationResult {
  const steps: Record<string, StepResult> = {};
  const edgeCounts: Record<string, number> = {};
  const order = flowOrder(plan.steps, plan.loops);
  const entered =
    order === null
      ? stepEntries(counters, plan.steps)
      : settleBranches(counters, plan.steps, order);
  const exitedBy = counters.exitedBy;
  for (const step of plan.steps) {
    const byBranch: Record<string, number> = {};
    const keys = step.branchKeys;
    for (let b = 0; b < keys.length; b++) {
      const key = keys[b] as string;
      const n = counters.branches[step.branchBase + b] as number;
      byBranch[key] = n;
      if ((step.next[b] as number) >= 0) edgeCounts[`${step.id}->${key}`] = n;
    }
    const exits = step.index * EXIT_REASONS.length;
    const m = step.message;
    steps[step.id] = {
      stepId: step.id,
      kind: step.kind,
      label: step.label,
      entered: entered[step.index] as number,
      byBranch,
      waiting: counters.waiting[step.index] as number,
      exited: stepExits(counters, step.index),
      exitedBy: {
        exit: exitedBy[exits] as number,
        completed: exitedBy[exits + 1] as number,
        exit_criteria: exitedBy[exits + 2] as number,
        goal: exitedBy[exits + 3] as number,
        control_group: exitedBy[exits + 4] as number,
        loop_guard: exitedBy[exits + 5] as number,
      },
      sent: counters.stepSent[step.index] as number,
      units: counters.stepUnits[step.index] as number,
      channel: m === null ? null : (CHANNELS[m.channel] as Channel),
      costPerSend: m === null ? 0 : m.costPerSend,
    };
  }
  const channels = {} as Record<Channel, ChannelResult>;
  const sendsPerDay = {} as Record<Channel, number[]>;
  for (let i = 0; i < CHANNELS.length; i++) {
    const c = CHANNELS[i] as Channel;
    channels[c] = channelResult(counters, i);
    sendsPerDay[c] = plain(counters.sendsPerDay, i * counters.days, (i + 1) * counters.days);
  }
  const goal = plan.goal;
  const result: SimulationResult = {
    resultVersion: SIMULATION_RESULT_VERSION,
    journey: { id: plan.journeyId, version: plan.journeyVersion },
    seed: plan.options.seed,
    start: plan.start,
    end: plan.end,
    horizonDays: plan.horizonDays,
    partition,
    profiles: counters.profiles,
    profilesEntered: counters.profilesEntered,
    controlProfiles: counters.controlProfiles,
    entries: counters.entries + counters.controlEntries,
    controlEntries: counters.controlEntries,
    entriesRefused: {
      active_run: counters.entriesRefused[0] as number,
      reentry_never: counters.entriesRefused[1] as number,
      cooldown: counters.entriesRefused[2] as number,
    },
    stopped: {
      profiles: counters.stoppedProfiles,
      byStep: Object.fromEntries(
        plan.steps
          .filter((step) => (counters.stoppedAt[step.index] as number) > 0)
          .map((step) => [step.id, counters.stoppedAt[step.index] as number]),
      ),
      profileIds: [...counters.stoppedIds],
    },
    steps,
    edgeCounts,
    channels,
    goal:
      goal === null
        ? null
        : {
            event: goal.event,
            windowDays: goal.windowMs / 86_400_000,
            conversions: counters.conversions,
            rate: 0,
            revenue: 0,
            revenueCents: counters.revenueCents,
            timeToConvertHours: { histogram: plain(counters.timeToConvert), quantiles: null },
            control: {
              entered: counters.controlEntries,
              conversions: counters.controlConversions,
              rate: 0,
              revenue: 0,
              revenueCents: counters.controlRevenueCents,
            },
            uplift: null,
            relativeUplift: null,
          },
    messagesPerProfile: plain(counters.messagesPerProfile),
    sendsPerDay,
    entriesPerDay: plain(counters.entriesPerDay),
    conversionsPerDay: plain(counters.conversionsPerDay),
    nps: { responses: 0, scores: plain(counters.npsScores), score: null },
    traceSample: plan.options.traceSample,
    traces,
  };
  return deriveFigures(result);
}
