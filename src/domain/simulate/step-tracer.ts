import type { ProfileEvent } from '../profiles/profile.ts';
import type { SimulationPlan } from './plan.ts';
import { OP, type PlanStep } from './plan-step.ts';
import type { ProfileState } from './profile-state.ts';
import { describeOperations, explainInline } from './reasons.ts';
import { hashMore } from './seeded.ts';
import { formatSpan, formatTime, type ProfileTrace, type TraceRun } from './trace.ts';

type RunEnd = TraceRun['end'];

/** Records one traced profile's path with a reason for every decision. Used only when asked. */
export class StepTracer {
  private readonly trace: ProfileTrace;
  private run: TraceRun | null = null;

  constructor(
    private readonly plan: SimulationPlan,
    private readonly state: ProfileState,
    profileId: string,
    sampleKey: number,
    requested: boolean,
    sampled: boolean,
  ) {
    this.trace = {
      profileId,
      sampleKey,
      requested,
      sampled,
      control: state.control,
      runs: [],
      simulatedEvents: [],
    };
  }

  startRun(entryAt: number, trigger: number): void {
    this.run = {
      entryAt,
      triggerStepId: this.plan.triggers[trigger]?.stepId ?? '',
      steps: [],
      end: 'horizon',
      endedAt: null,
      conversion: null,
    };
    this.trace.runs.push(this.run);
  }

  /** Records a step: arrival, departure (null: still there), branch taken, how the run ended here. */
  step(
    step: PlanStep,
    arrived: number,
    leftAt: number | null,
    branch: number | null,
    end: RunEnd | null,
    extra: string,
  ): void {
    const run = this.run;
    if (run === null) return;
    run.steps.push({
      stepId: step.id,
      label: step.label,
      kind: step.kind,
      at: arrived,
      leftAt,
      branch: branch === null ? null : (step.branchKeys[branch] ?? null),
      reason: this.reason(step, arrived, leftAt, branch, end, extra),
    });
    if (end !== null) {
      run.end = end;
      run.endedAt = end === 'horizon' ? null : (leftAt ?? arrived);
    }
  }

  converted(at: number, amount: number | null): void {
    if (this.run !== null) this.run.conversion = { at, amount };
  }

  finish(): ProfileTrace {
    const real = new Set<ProfileEvent>(this.state.profile.events);
    for (const e of this.state.events) {
      if (real.has(e)) continue;
      this.trace.simulatedEvents.push(
        e.props === undefined
          ? { name: e.name, at: e.at }
          : { name: e.name, at: e.at, props: { ...e.props } },
      );
    }
    this.trace.control = this.state.control;
    return this.trace;
  }

  private reason(
    step: PlanStep,
    arrived: number,
    leftAt: number | null,
    branch: number | null,
    end: RunEnd | null,
    extra: string,
  ): string {
    if (end === 'control_group' || end === 'loop_guard') return extra;
    if (end === 'horizon')
      return extra === ''
        ? 'still here when the simulation ended'
        : `${extra}; still here when the simulation ended`;
    if (end === 'goal')
      return `goal ${extra} reached at ${formatTime(leftAt ?? arrived)}: left the journey`;
    if (end === 'exit_criteria')
      return `removed by the exit criterion ${extra} at ${formatTime(leftAt ?? arrived)}`;
    const base = this.decision(step, arrived, leftAt ?? arrived, branch ?? 0, extra);
    return end === 'completed' ? `${base}; nothing follows: the journey is completed` : base;
  }

  private decision(
    step: PlanStep,
    arrived: number,
    left: number,
    branch: number,
    extra: string,
  ): string {
    const label = `'${step.branchLabels[branch] ?? step.branchKeys[branch] ?? ''}'`;
    const view = this.state.view;
    switch (step.op) {
      case OP.trigger: {
        const trigger = this.plan.triggers.find((t) => t.stepId === step.id);
        return `${trigger?.describe() ?? 'entered'} at ${formatTime(arrived)}`;
      }
      case OP.firstMatch: {
        const ctx = this.state.context(arrived);
        // One condition (if/else) explains itself whichever way it went.
        const group = step.conditions.length === 1 ? step.conditions[0] : step.conditions[branch];
        if (group !== undefined) return `went ${label}: ${explainInline(group, view, ctx)}`;
        return `went ${label}: no path matched (${step.conditions.map((g) => explainInline(g, view, ctx)).join(' | ')})`;
      }
      case OP.randomSplit: {
        const u = (hashMore(this.state.hash, step.hashSuffix) % 10_000) / 100;
        return `went ${label}: hash bucket ${u.toFixed(2)} of 100`;
      }
      case OP.delay:
        return `waited ${formatSpan(step.durationMs)} until ${formatTime(left)}`;
      case OP.waitUntil:
        return left > arrived
          ? `waited until ${formatTime(left)}`
          : 'the date had passed or is not set: went on at once';
      case OP.timeWindow:
        return left > arrived
          ? `waited for the time window to open at ${formatTime(left)}`
          : 'inside the time window';
      case OP.waitForEvent:
        return branch === 0
          ? `${step.waitTarget} happened at ${formatTime(left)}, after ${formatSpan(left - arrived)}`
          : `timed out at ${formatTime(left)}: no ${step.waitTarget} within ${formatSpan(step.durationMs)}`;
      case OP.message:
        return extra;
      case OP.updateProfile:
        return describeOperations(step.operations);
      case OP.exit:
        return extra === '' ? 'reached an exit step' : `reached an exit step: ${extra}`;
    }
  }
}
