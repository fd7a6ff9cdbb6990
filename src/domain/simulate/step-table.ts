import { OP, type PlanStep } from './plan-step.ts';

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
  /** Each step's first branch in the flat branch columns ({@link next} and the branch counters). */
  readonly branchBase: Int32Array;
  /** Per branch, at its step's `branchBase` + branch: the step it leads to, -1 for none. */
  readonly next: Int32Array;
  /** Each step's `durationMs`. */
  readonly durationMs: Float64Array;
}

/**
 * The table of `steps` (in plan order), whose branches number `branchCount` in all; `tagsRead`
 * as the plan has it.
 */
export function stepTable(
  steps: readonly PlanStep[],
  branchCount: number,
  tagsRead: boolean,
): StepTable {
  const next = new Int32Array(branchCount);
  for (const step of steps) next.set(step.next, step.branchBase);
  const changesNothingRead = (step: PlanStep): boolean =>
    step.op === OP.updateProfile &&
    !tagsRead &&
    step.operations.every((o) => o.type !== 'set_attribute');
  return {
    op: Uint8Array.from(steps, (s) => (changesNothingRead(s) ? OP.trigger : s.op)),
    branchBase: Int32Array.from(steps, (s) => s.branchBase),
    next,
    durationMs: Float64Array.from(steps, (s) => s.durationMs),
  };
}
