import { OP, type PlanStep } from './plan-step.ts';
import type { ConditionShortcut } from './condition-shortcuts.ts';
import type { SimulationPlan } from './plan.ts';

/**
 * Primitives of their own for untraced runs of a journey without a loop (see
 * {@link StepTable.fastOp}): a step that goes on along its one branch to another step without
 * the loop's end-of-step work (stop checks, branch count), its count being worked out after the
 * run (`settleBranches`).
 */
export const FAST = {
  /** A message that is never deferred: gate and send at the instant, then on. */
  sendOn: 10,
  /** A delay: on when it ends before the horizon and nothing can stop the run meanwhile. */
  delayOn: 11,
  /** {@link sendOn} to a {@link delayOn}: both at one dispatch. */
  sendThenDelay: 12,
  /** {@link sendOn} to a wait for an event: both at one dispatch. */
  sendThenWait: 13,
  /** A condition of one rule the loop answers itself ({@link StepTable.shortcut}): branch 0 if it holds, else 1. */
  ifShortcut: 14,
  /**
   * A condition of one `reachable` rule: branch 0 if the profile is reachable on
   * {@link StepTable.reachChannel}, else 1, without a call to ask the shortcut's kind.
   */
  ifReachable: 15,
} as const;

/**
 * The primitives a choice (a random split, {@link FAST.ifShortcut}, {@link FAST.ifReachable})
 * runs at its own dispatch when it leads to one of them, in an untraced run of a journey without
 * a loop: a message, or a wait for an event (a bit per primitive).
 */
export const RUN_AFTER_CHOICE =
  (1 << OP.waitForEvent) |
  (1 << OP.message) |
  (1 << FAST.sendOn) |
  (1 << FAST.sendThenDelay) |
  (1 << FAST.sendThenWait);

/**
 * The plan's steps as typed columns, for the run loop's hot path: a step that only passes on,
 * waits a fixed time, splits or exits is run without reading its {@link PlanStep} object.
 */
export interface StepTable {
  /**
   * Each step's primitive (`OP`); an `update_profile` step that changes only tags nothing reads
   * passes on as a trigger does (it changes nothing anything sees).
   */
  readonly op: Uint8Array;
  /**
   * The primitives untraced runs run: {@link op}, or one of {@link FAST}: a one-rule condition
   * answered by the loop, and, in a journey without a loop, a step with one branch leading to
   * another step (in one with a loop every step entry counts toward the runaway bounds).
   */
  readonly fastOp: Uint8Array;
  /** Each step's first branch in the flat branch columns ({@link next} and the branch counters). */
  readonly branchBase: Int32Array;
  /** Per branch, at its step's `branchBase` + branch: the step it leads to, -1 for none. */
  readonly next: Int32Array;
  /**
   * As {@link next}, past the steps that only pass on (triggers, `update_profile` steps that
   * change nothing read) and lead to another: what the runs of {@link fastOp} follow.
   */
  readonly nextPassing: Int32Array;
  /** Per step: where a run of {@link fastOp} starting there first does something (see {@link nextPassing}). */
  readonly landing: Int32Array;
  /** Each step's `durationMs`. */
  readonly durationMs: Float64Array;
  /** Per step of {@link FAST.ifShortcut}: its condition's shortcut; null for the others. */
  readonly shortcut: readonly (ConditionShortcut | null)[];
  /** Per step of {@link FAST.ifReachable}: the channel's index in `CHANNELS`; -1 for the others. */
  readonly reachChannel: Int8Array;
}

/** Whether an `update_profile` step changes nothing any step, trigger or propensity reads. */
function changesNothingRead(step: PlanStep, tagsRead: boolean): boolean {
  return (
    step.op === OP.updateProfile &&
    !tagsRead &&
    step.operations.every((o) => o.type !== 'set_attribute')
  );
}

/** Whether a step has one branch, and it leads to a step. */
function goesOn(step: PlanStep): boolean {
  return step.next.length === 1 && (step.next[0] as number) >= 0;
}

/** The table of a plan's steps. */
export function stepTable(plan: SimulationPlan): StepTable {
  const { steps, branchCount, tagsRead, loops } = plan;
  const next = new Int32Array(branchCount);
  for (const step of steps) next.set(step.next, step.branchBase);
  const op = Uint8Array.from(steps, (s) => (changesNothingRead(s, tagsRead) ? OP.trigger : s.op));
  const passes = (i: number): boolean =>
    !loops && op[i] === OP.trigger && goesOn(steps[i] as PlanStep);
  // Successors first, so a chain of steps passed over is walked once, not once per step on it.
  const landing = Int32Array.from(steps, (s) => s.index);
  const order = flowOrder(steps, loops);
  if (order !== null)
    for (let k = order.length - 1; k >= 0; k--) {
      const i = order[k] as number;
      if (passes(i)) landing[i] = landing[(steps[i] as PlanStep).next[0] as number] as number;
    }
  const land = (i: number): number => landing[i] as number;
  const fastOp = (step: PlanStep): number => {
    const i = step.index;
    const shortcut =
      op[i] === OP.firstMatch && step.shortcuts.length === 1 ? (step.shortcuts[0] ?? null) : null;
    if (shortcut !== null)
      return shortcut.kind === 'reachable' ? FAST.ifReachable : FAST.ifShortcut;
    if (loops || !goesOn(step)) return op[i] as number;
    if (op[i] === OP.delay) return FAST.delayOn;
    const deferred = plan.quiet.enabled && step.message !== null && step.message.quiet;
    return op[i] === OP.message && !deferred ? FAST.sendOn : (op[i] as number);
  };
  const fast = Uint8Array.from(steps, fastOp);
  const onward = (step: PlanStep): number => land(step.next[0] as number);
  for (const step of steps) {
    if (fast[step.index] !== FAST.sendOn) continue;
    const then = fast[onward(step)];
    if (then === FAST.delayOn) fast[step.index] = FAST.sendThenDelay;
    else if (then === OP.waitForEvent) fast[step.index] = FAST.sendThenWait;
  }
  return {
    op,
    fastOp: fast,
    branchBase: Int32Array.from(steps, (s) => s.branchBase),
    next,
    nextPassing: next.map((to) => (to < 0 ? to : land(to))),
    landing,
    durationMs: Float64Array.from(steps, (s) => s.durationMs),
    shortcut: steps.map((s) =>
      fast[s.index] === FAST.ifShortcut ? (s.shortcuts[0] ?? null) : null,
    ),
    reachChannel: Int8Array.from(steps, (s) =>
      fast[s.index] === FAST.ifReachable ? (s.shortcuts[0]?.channel ?? -1) : -1,
    ),
  };
}

/**
 * The steps of a journey without a loop in an order where each comes after every step with a
 * branch to it; null for a journey with a loop.
 */
export function flowOrder(
  steps: readonly { readonly next: Int32Array }[],
  loops: boolean,
): Int32Array | null {
  if (loops) return null;
  const into = new Int32Array(steps.length);
  for (const { next } of steps)
    for (const to of next) if (to >= 0) into[to] = (into[to] as number) + 1;
  const order = new Int32Array(steps.length);
  let n = 0;
  for (let i = 0; i < steps.length; i++) if (into[i] === 0) order[n++] = i;
  for (let k = 0; k < n; k++)
    for (const to of (steps[order[k] as number] as { next: Int32Array }).next)
      if (to >= 0) {
        into[to] = (into[to] as number) - 1;
        if (into[to] === 0) order[n++] = to;
      }
  return order;
}
