import { CHANNELS, type Channel } from '../channels.ts';
import {
  CHANNEL_COUNTS,
  DEFERRED_DROP_REASONS,
  EXIT_REASONS,
  stepEntries,
  stepExits,
  SUPPRESSION_CAUSES,
  type Counters,
} from './counters.ts';
import { deriveFigures } from './derive.ts';
import type { SimulationPlan } from './plan.ts';
import {
  SIMULATION_RESULT_VERSION,
  type ChannelResult,
  type SimulationResult,
  type StepResult,
} from './result-schema.ts';
import { stepTable } from './step-table.ts';
import type { ProfileTrace } from './trace.ts';

function channelResult(counters: Counters, c: number): ChannelResult {
  const at = (column: number): number =>
    counters.channel[c * CHANNEL_COUNTS.length + column] as number;
  const sup = (cause: number): number =>
    counters.suppressed[c * SUPPRESSION_CAUSES.length + cause] as number;
  const dropped = (reason: number): number =>
    counters.deferredDropped[c * DEFERRED_DROP_REASONS.length + reason] as number;
  return {
    sent: at(0),
    delivered: at(1),
    opened: at(2),
    clicked: at(3),
    unsubscribed: at(4),
    suppressed: {
      unreachable: sup(0),
      unsubscribed: sup(1),
      quiet_hours_dropped: sup(2),
      quiet_hours_deferred: sup(3),
      frequency_cap: sup(4),
    },
    deferredDropped: {
      exit_criteria: dropped(0),
      goal: dropped(1),
      horizon: dropped(2),
      frequency_cap: dropped(3),
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
  const entered = stepEntries(
    counters,
    stepTable(plan.steps, plan.branchCount, plan.tagsRead).next,
  );
  for (const step of plan.steps) {
    const byBranch: Record<string, number> = {};
    step.branchKeys.forEach((key, b) => {
      const n = counters.branches[step.branchBase + b] as number;
      byBranch[key] = n;
      if ((step.next[b] as number) >= 0) edgeCounts[`${step.id}->${key}`] = n;
    });
    const reason = (r: number): number =>
      counters.exitedBy[step.index * EXIT_REASONS.length + r] as number;
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
        exit: reason(0),
        completed: reason(1),
        exit_criteria: reason(2),
        goal: reason(3),
        control_group: reason(4),
        loop_guard: reason(5),
      },
      sent: counters.stepSent[step.index] as number,
      units: counters.stepUnits[step.index] as number,
      channel: m === null ? null : (CHANNELS[m.channel] as Channel),
      costPerSend: m === null ? 0 : m.costPerSend,
    };
  }
  const channels = {} as Record<Channel, ChannelResult>;
  const sendsPerDay = {} as Record<Channel, number[]>;
  CHANNELS.forEach((c, i) => {
    channels[c] = channelResult(counters, i);
    sendsPerDay[c] = Array.from(
      counters.sendsPerDay.subarray(i * counters.days, (i + 1) * counters.days),
    );
  });
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
            timeToConvertHours: { histogram: Array.from(counters.timeToConvert), quantiles: null },
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
    messagesPerProfile: Array.from(counters.messagesPerProfile),
    sendsPerDay,
    entriesPerDay: Array.from(counters.entriesPerDay),
    conversionsPerDay: Array.from(counters.conversionsPerDay),
    nps: { responses: 0, scores: Array.from(counters.npsScores), score: null },
    traceSample: plan.options.traceSample,
    traces,
  };
  return deriveFigures(result);
}
