import type { ConditionGroup } from '../conditions/condition-schema.ts';
import type { StepPhrase } from '../steps/step-phrase.ts';
import type { ConditionPredicate } from '../conditions/compile-condition.ts';
import type { Profile } from '../profiles/profile.ts';
import type { ProfileOperation } from '../steps/kinds/update-profile.ts';
import type { StepKind } from '../steps/step-kinds.ts';
import type { ConditionShortcut } from './condition-shortcuts.ts';
import type { EventMatcher } from './event-match.ts';

/**
 * The simulator's step primitives. A kind picks one in its definition (`simulation.op`) and fills
 * the {@link PlanStep} fields that primitive reads; the loop switches on these, never on kinds.
 */
export const OP = {
  /** Entry point: passes straight on. */
  trigger: 0,
  /** First branch whose predicate holds, else the branch after the last predicate. */
  firstMatch: 1,
  /** Branch by `hash(profile, hashSuffix)` against cumulative `thresholds`. */
  randomSplit: 2,
  /** Waits up to `durationMs` for an event `waitMatch` accepts: branch 0 if it came, else 1. */
  waitForEvent: 3,
  /** Waits `durationMs`. */
  delay: 4,
  /** Waits until the `until*` instant. */
  waitUntil: 5,
  /** Waits for the `window*` opening hours. */
  timeWindow: 6,
  /** Sends `message` (gated by reachability, unsubscribes, quiet hours, cap). */
  message: 7,
  /** Applies `operations` to the profile. */
  updateProfile: 8,
  /** Ends the run. */
  exit: 9,
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
   * part). `null`: one unit per message. Given what holds the profile, read only when the text
   * reads it (an entrant's object may not be built yet, see `ProfileState.profile`).
   */
  billedUnits: ((of: { readonly profile: Profile }, at: number) => number) | null;
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
  /**
   * Which of this step's simulated events anything in the run reads (bits of `KEEP` in
   * simulated-reads.ts): an event nothing reads is drawn and counted but not added to the timeline.
   */
  keepEvents: number;
  deliveredEvent: string;
  openedEvent: string;
  clickedEvent: string;
  unsubscribedEvent: string;
  /** Shared by every simulated event of this step: `{ stepId, journeyId }`. */
  props: Readonly<Record<string, string>>;
  /** NPS answer props per score 0–10 (none when the step is no survey). */
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
  /** Branch names as phrases for the app to word, parallel to `branchKeys`; null for a key the kind does not know. */
  branchTexts: readonly (StepPhrase | null)[];
  /** Target step index per branch, -1 when the branch leads nowhere. */
  next: Int32Array;
  /** Offset of this step's branches in the flat branch counters. */
  branchBase: number;
  conditions: readonly ConditionGroup[];
  predicates: readonly ConditionPredicate[];
  /** Per predicate: the loop's own answer to its condition, or null to ask the predicate. */
  shortcuts: readonly (ConditionShortcut | null)[];
  /** Random split: cumulative percentages per variant (the last is Infinity). */
  thresholds: Float64Array;
  /** Random split: `:stepId`, hashed after the profile id (spec §5.2). */
  hashSuffix: string;
  durationMs: number;
  waitMatch: EventMatcher | null;
  /** The name of the event `waitMatch` accepts ('' when it is not one name). */
  waitEvent: string;
  /**
   * True when `waitMatch` accepts every event named `waitEvent` (no property filter): the wait
   * then reads only event names and times, no event object.
   */
  waitByName: boolean;
  waitTarget: string;
  /** wait_for_event on engagement with a message: which, and the message's label. */
  waitEngagement: { engagement: 'opened' | 'clicked'; message: string } | null;
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
