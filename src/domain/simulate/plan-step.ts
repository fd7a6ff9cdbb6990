import type { ConditionGroup } from '../conditions/condition-schema.ts';
import type { ConditionPredicate } from '../conditions/compile-condition.ts';
import type { Profile } from '../profiles/profile.ts';
import type { ProfileOperation } from '../steps/kinds/update-profile.ts';
import type { StepKind } from '../steps/step-kinds.ts';
import type { EventMatcher } from './event-match.ts';

/** Step behaviours the simulator's loop switches on. */
export const OP = {
  trigger: 0,
  ifElse: 1,
  multiSplit: 2,
  randomSplit: 3,
  waitForEvent: 4,
  delay: 5,
  waitUntil: 6,
  timeWindow: 7,
  message: 8,
  updateProfile: 9,
  exit: 10,
} as const;
export type Op = (typeof OP)[keyof typeof OP];

/** A message step's resolved assumptions (options, then the step's override). */
export interface MessagePlan {
  channel: number;
  deliveredRate: number;
  openRate: number;
  clickRate: number;
  unsubscribeRate: number;
  conversionRate: number;
  /** Cost of one billed unit: a message, or for SMS one part. */
  costPerSend: number;
  /**
   * SMS: the parts of the text rendered for this profile, at this send time (billing is per
   * part). `null`: one unit per message.
   */
  billedUnits: ((profile: Profile, at: number) => number) | null;
  deliveryDelayMs: number;
  openDelayMs: number;
  clickDelayMs: number;
  conversionDelayMs: number;
  hasOpen: boolean;
  hasClick: boolean;
  hasUnsubscribe: boolean;
  /** Quiet hours apply (customer-facing channels). */
  quiet: boolean;
  /** Counts toward the frequency cap. */
  capped: boolean;
  nps: boolean;
  deliveredEvent: string;
  openedEvent: string;
  clickedEvent: string;
  unsubscribedEvent: string;
  /** Shared by every simulated event of this step: `{ stepId, journeyId }`. */
  props: Readonly<Record<string, string>>;
  /** NPS answer props per score 0–10. */
  npsProps: ReadonlyArray<Readonly<Record<string, string | number>>>;
}

/** One step compiled for the loop: integer branch targets and precompiled tests. */
export interface PlanStep {
  index: number;
  id: string;
  kind: StepKind;
  op: Op;
  label: string;
  branchKeys: readonly string[];
  /** Branch labels as shown on the canvas, parallel to `branchKeys`. */
  branchLabels: readonly string[];
  /** Target step index per branch, -1 when the branch leads nowhere. */
  next: Int32Array;
  /** Offset of this step's branches in the flat branch counters. */
  branchBase: number;
  conditions: readonly ConditionGroup[];
  predicates: readonly ConditionPredicate[];
  /** Random split: cumulative percentages per variant (the last is Infinity). */
  thresholds: Float64Array;
  /** Random split: `:stepId`, hashed after the profile id (spec §5.2). */
  hashSuffix: string;
  durationMs: number;
  waitMatch: EventMatcher | null;
  waitTarget: string;
  /** wait_until: fixed instant, or NaN when it reads an attribute. */
  untilAt: number;
  untilAttribute: string;
  untilRead: ((profile: Profile) => unknown) | null;
  untilOffsetDays: number;
  untilLocalMs: number;
  /** time_window: bit per weekday (Monday = bit 0) and local opening hours in ms. */
  windowMask: number;
  windowStartMs: number;
  windowEndMs: number;
  message: MessagePlan | null;
  operations: readonly ProfileOperation[];
}
