import type { Channel } from '../channels.ts';
import type { MessagePlan, Op, PlanStep } from '../simulate/plan-step.ts';
import type { TriggerPlan } from '../simulate/trigger-plan.ts';
import type { BehaviourOverride } from './shared.ts';

/** The fields every compiled step has besides its kind's body. */
export interface SpecStepBase {
  id: string;
  kind: string;
  label: string;
  next: Record<string, string | null>;
}

/** A message step as the planner reads it: its id and the optional per-step behaviour override. */
export interface MessageStepBody {
  id: string;
  behaviourOverride?: BehaviourOverride | undefined;
}

/** What a kind may ask of the planner while it turns its spec step into a plan step. */
export interface PlanContext {
  journeyId: string;
  /** The simulated period, `[start, end)` in epoch ms. */
  start: number;
  end: number;
  /** The channel another step sends on (undefined: no such step, or it sends nothing). */
  channelOf(stepId: string): Channel | undefined;
  /** Another step's label, for trace text. */
  labelOf(stepId: string): string | undefined;
  /** A message step's assumptions: the run's behaviour for the channel, then the step's override. */
  message(
    step: MessageStepBody,
    channel: Channel,
    own?: { costPerSend?: number; nps?: boolean },
  ): MessagePlan;
}

/**
 * How the simulator runs a kind: which of the loop's primitives (`op`) it uses, and how its spec
 * step fills the plan fields that primitive reads. Triggers also say when a profile may enter.
 * The planner calls these once per run; nothing here runs per profile except a trigger's
 * `nextAt`.
 */
export interface StepSimulation<S> {
  op: Op;
  plan?(target: PlanStep, step: S, ctx: PlanContext): void;
  trigger?(step: S, ctx: PlanContext): TriggerPlan;
}
