import type { ProfileEvent } from '../profiles/profile.ts';
import type { SimulationPlan } from './plan.ts';
import { OP, type PlanStep } from './plan-step.ts';
import type { ProfileState } from './profile-state.ts';
import { describeOperations, explainInline } from './reasons.ts';
import { hashMore } from './seeded.ts';
import {
  formatSpan,
  formatTime,
  type ProfileTrace,
  type TraceRun,
  type TraceValue,
  type TraceWhy,
} from './trace.ts';

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
    extraWhy: readonly TraceWhy[],
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
      ...(branch !== null && step.branchTexts[branch]
        ? {
            branchText: step.branchTexts[branch] as {
              id: string;
              values?: Record<string, string | number>;
            },
          }
        : {}),
      reason: this.reason(step, arrived, leftAt, branch, end, extra),
      why: this.why(step, arrived, leftAt, branch, end, extra, extraWhy),
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

  /** The reason as codes and values, part for part as {@link reason} words it in English. */
  private why(
    step: PlanStep,
    arrived: number,
    leftAt: number | null,
    branch: number | null,
    end: RunEnd | null,
    extra: string,
    extraWhy: readonly TraceWhy[],
  ): TraceWhy[] {
    const at = leftAt ?? arrived;
    if (end === 'control_group' || end === 'loop_guard') return [...extraWhy];
    if (end === 'horizon') return [...extraWhy, { code: 'stillHere' }];
    if (end === 'goal') return [{ code: 'goal', values: { event: extra, at } }];
    if (end === 'exit_criteria') return [{ code: 'exitCriteria', values: { event: extra, at } }];
    const base = this.decisionWhy(step, arrived, at, branch ?? 0, extraWhy);
    return end === 'completed' ? [...base, { code: 'completed' }] : base;
  }

  private decisionWhy(
    step: PlanStep,
    arrived: number,
    left: number,
    branch: number,
    extraWhy: readonly TraceWhy[],
  ): TraceWhy[] {
    const text = step.branchTexts[branch];
    const went: TraceValue =
      text === null || text === undefined
        ? (step.branchKeys[branch] ?? '')
        : { phrase: text as { id: string; values?: Record<string, string | number> } };
    switch (step.op) {
      case OP.trigger: {
        const trigger = this.plan.triggers.find((t) => t.stepId === step.id);
        const why = trigger?.why ?? { code: 'entered' };
        return [{ code: why.code, values: { ...why.values, at: arrived } }];
      }
      case OP.firstMatch: {
        if (step.conditions.length === 1) {
          const condition = step.conditions[0] as NonNullable<(typeof step.conditions)[0]>;
          return [
            {
              code: 'wentIf',
              values: {
                branch: went,
                holds: branch === 0 ? 'yes' : 'no',
                condition: { condition },
              },
            },
          ];
        }
        const group = step.conditions[branch];
        return group === undefined
          ? [{ code: 'wentElse', values: { branch: went } }]
          : [{ code: 'wentPath', values: { branch: went, condition: { condition: group } } }];
      }
      case OP.randomSplit: {
        const u = (hashMore(this.state.hash, step.hashSuffix) % 10_000) / 100;
        return [{ code: 'wentRandom', values: { branch: went, bucket: u } }];
      }
      case OP.delay:
        return [{ code: 'waited', values: { span: step.durationMs, until: left } }];
      case OP.waitUntil:
        return [
          left > arrived ? { code: 'waitedUntil', values: { until: left } } : { code: 'dateGone' },
        ];
      case OP.timeWindow:
        return [
          left > arrived ? { code: 'windowOpened', values: { until: left } } : { code: 'inWindow' },
        ];
      case OP.waitForEvent: {
        const what: Record<string, TraceValue> =
          step.waitEngagement === null ? { event: step.waitTarget } : { ...step.waitEngagement };
        const kind = step.waitEngagement === null ? 'event' : 'engagement';
        return branch === 0
          ? [{ code: `${kind}Happened`, values: { ...what, at: left, span: left - arrived } }]
          : [{ code: `${kind}TimedOut`, values: { ...what, at: left, span: step.durationMs } }];
      }
      case OP.message:
        return [...extraWhy];
      case OP.updateProfile:
        return step.operations.map((op): TraceWhy =>
          op.type === 'set_attribute'
            ? {
                code: 'setAttribute',
                values: { attribute: op.attribute, value: JSON.stringify(op.value) },
              }
            : { code: op.type === 'add_tag' ? 'addedTag' : 'removedTag', values: { tag: op.tag } },
        );
      case OP.exit:
        return [{ code: 'exitStep' }, ...extraWhy];
    }
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
