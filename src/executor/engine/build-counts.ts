import { CHANNELS, type Channel, type StepResult } from '../../domain/index.ts';
import type { CountDeltas } from './tally.ts';
import type { VersionPlan } from './version-plan.ts';

const EXIT_REASONS = [
  'exit',
  'completed',
  'exit_criteria',
  'goal',
  'control_group',
  'loop_guard',
] as const;

/** A version's live counts in the shape of a simulation result's steps and connections. */
export interface VersionCounts {
  steps: Record<string, StepResult>;
  edgeCounts: Record<string, number>;
  entries: number;
  conversions: number;
  control: { entries: number; conversions: number };
  /** Runs ended by a stop of the journey (POST /journeys/{journeyId}/stop). */
  stopped: number;
  /** Per message step, messages refused (not sent, not capped) by why. */
  notSent: Record<string, { journey_stopped: number; not_rendered: number }>;
  /** Per UTC day: entries, sends and conversions outside the control group. */
  daily: { day: string; entries: number; sends: number; conversions: number }[];
}

/** Adds delta rows up. */
export function sumDeltas(rows: readonly CountDeltas[]): CountDeltas {
  const out: CountDeltas = {};
  for (const row of rows) for (const [k, n] of Object.entries(row)) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** Builds the counts of one version from the sum of its delta rows. */
export function buildCounts(vp: VersionPlan, d: CountDeltas): VersionCounts {
  const n = (key: string) => d[key] ?? 0;
  const steps: Record<string, StepResult> = {};
  const edgeCounts: Record<string, number> = {};
  const notSent: VersionCounts['notSent'] = {};
  for (const step of vp.plan.steps) {
    const byBranch: Record<string, number> = {};
    step.branchKeys.forEach((key, b) => {
      byBranch[key] = n(`branch|${step.id}|${key}`);
      if ((step.next[b] as number) >= 0) edgeCounts[`${step.id}->${key}`] = byBranch[key];
    });
    const exitedBy = Object.fromEntries(
      EXIT_REASONS.map((r) => [r, n(`exit|${step.id}|${r}`)]),
    ) as StepResult['exitedBy'];
    const m = step.message;
    if (m !== null)
      notSent[step.id] = {
        journey_stopped: n(`suppressed|${step.id}|journey_stopped`),
        not_rendered: n(`suppressed|${step.id}|not_rendered`),
      };
    steps[step.id] = {
      stepId: step.id,
      kind: step.kind,
      label: step.label,
      entered: n(`entered|${step.id}`),
      byBranch,
      waiting: n(`waiting|${step.id}`),
      exited: Object.values(exitedBy).reduce((a, b) => a + b, 0),
      exitedBy,
      sent: n(`sent|${step.id}`),
      channel: m === null ? null : (CHANNELS[m.channel] as Channel),
      costPerSend: m === null ? 0 : m.costPerSend,
    };
  }
  const days = new Map<
    string,
    { day: string; entries: number; sends: number; conversions: number }
  >();
  for (const [key, value] of Object.entries(d)) {
    if (!key.startsWith('day|')) continue;
    const [, day = '', what = ''] = key.split('|');
    let row = days.get(day);
    if (row === undefined) {
      row = { day, entries: 0, sends: 0, conversions: 0 };
      days.set(day, row);
    }
    if (what === 'entries' || what === 'sends' || what === 'conversions') row[what] += value;
  }
  return {
    steps,
    edgeCounts,
    entries: n('entries'),
    conversions: n('conversions'),
    control: { entries: n('control.entries'), conversions: n('control.conversions') },
    stopped: n('stopped'),
    notSent,
    daily: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}
