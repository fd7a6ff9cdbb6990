/**
 * The floor's tallies turned into its result, named as the engine names its figures. Runs once
 * per run, so it may be plain code over the journey's definition.
 */
import { CHANNELS } from '../../src/domain/channels.ts';
import { smsParts } from '../../src/domain/templating/sms-encoding.ts';
import { LINKS, SMS_TEXT, STEPS } from './simulate-floor.ts';
import type {
  FloorChannel,
  FloorChannelResult,
  FloorResult,
  FloorStep,
} from './simulate-floor-result.ts';
import {
  CHANNEL_COUNTS,
  CLICKED,
  DELIVERED,
  type FloorRun,
  OPENED,
  SENT,
  UNREACHABLE,
  UNSUBSCRIBED,
  UNSUBSCRIBED_CAUSE,
} from './simulate-floor-send.ts';

const HOUR = 3_600_000;
/** Buckets of the messages-per-profile histogram; the last holds this many or more. */
export const MESSAGE_BUCKETS = 51;

/** What the loop counts beside the sends (see `FloorRun`). */
export interface FloorTallies {
  /** Per step (`STEPS` order): runs that entered it, and runs still waiting there at the horizon. */
  readonly entered: Int32Array;
  readonly waiting: Int32Array;
  /** Per step that chooses a branch: `[step * 2]` its first branch, `[step * 2 + 1]` its second. */
  readonly branch: Int32Array;
  /** Trigger firings refused: while a run was active, and after it (re-entry never). */
  readonly refused: Int32Array;
  readonly messagesPerProfile: Int32Array;
  /** Conversions per hour from entry (the last bucket: that many hours or more). */
  readonly timeToConvert: Int32Array;
  readonly entriesPerDay: Int32Array;
  readonly conversionsPerDay: Int32Array;
  profilesEntered: number;
  conversions: number;
  revenueCents: number;
}

/** Empty tallies for a journey of `steps` steps over `days` days, with a goal window of `goalMs`. */
export function floorTallies(steps: number, days: number, goalMs: number): FloorTallies {
  return {
    entered: new Int32Array(steps),
    waiting: new Int32Array(steps),
    branch: new Int32Array(steps * 2),
    refused: new Int32Array(2),
    messagesPerProfile: new Int32Array(MESSAGE_BUCKETS),
    timeToConvert: new Int32Array(Math.ceil(goalMs / HOUR) + 1),
    entriesPerDay: new Int32Array(days),
    conversionsPerDay: new Int32Array(days),
    profilesEntered: 0,
    conversions: 0,
    revenueCents: 0,
  };
}

/** An SMS of the bench journey has no Liquid markup, so it costs everyone the same parts. */
const SMS_UNITS = smsParts(SMS_TEXT).parts;

function stepResult(
  id: string,
  kind: string,
  s: number,
  run: FloorRun,
  t: FloorTallies,
): FloorStep {
  const entered = t.entered[s] as number;
  const waiting = t.waiting[s] as number;
  const exited = kind === 'exit' ? entered : 0;
  const branches = LINKS.filter(([from]) => from === id).map(([, key]) => key);
  const byBranch: Record<string, number> = {};
  if (branches.length === 2) {
    byBranch[branches[0] as string] = t.branch[s * 2] as number;
    byBranch[branches[1] as string] = t.branch[s * 2 + 1] as number;
  } else if (branches.length === 1) {
    // One way on: every run that entered and neither waits nor ended here took it.
    byBranch[branches[0] as string] = entered - waiting - exited;
  }
  const sent = run.sent[s] as number;
  return {
    entered,
    byBranch,
    waiting,
    exited,
    sent,
    units: kind === 'sms' ? sent * SMS_UNITS : sent,
  };
}

function channelResult(run: FloorRun, c: number): FloorChannelResult {
  const at = (column: number): number => run.channel[c * CHANNEL_COUNTS + column] as number;
  return {
    sent: at(SENT),
    delivered: at(DELIVERED),
    opened: at(OPENED),
    clicked: at(CLICKED),
    unsubscribed: at(UNSUBSCRIBED),
    suppressed: {
      unreachable: run.suppressed[c * 2 + UNREACHABLE] as number,
      unsubscribed: run.suppressed[c * 2 + UNSUBSCRIBED_CAUSE] as number,
    },
  };
}

/** The figures of a finished run over `profiles` profiles. */
export function floorResult(run: FloorRun, t: FloorTallies, profiles: number): FloorResult {
  const steps: Record<string, FloorStep> = {};
  STEPS.forEach(([id, kind], s) => {
    steps[id] = stepResult(id, kind, s, run, t);
  });
  const channels = {} as Record<FloorChannel, FloorChannelResult>;
  const sendsPerDay = {} as Record<FloorChannel, number[]>;
  for (const name of ['email', 'sms', 'push'] as const) {
    const c = CHANNELS.indexOf(name);
    channels[name] = channelResult(run, c);
    sendsPerDay[name] = Array.from(run.sendsPerDay.subarray(c * run.days, (c + 1) * run.days));
  }
  return {
    profiles,
    profilesEntered: t.profilesEntered,
    entries: t.profilesEntered,
    entriesRefused: { active_run: t.refused[0] as number, reentry_never: t.refused[1] as number },
    steps,
    channels,
    goal: {
      conversions: t.conversions,
      revenueCents: t.revenueCents,
      timeToConvertHours: { histogram: Array.from(t.timeToConvert) },
    },
    messagesPerProfile: Array.from(t.messagesPerProfile),
    sendsPerDay,
    entriesPerDay: Array.from(t.entriesPerDay),
    conversionsPerDay: Array.from(t.conversionsPerDay),
  };
}
