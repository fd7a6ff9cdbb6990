import type { SimulationResult } from '../../domain/index.ts';

/** One traced profile of a run. */
export type ProfileTrace = SimulationResult['traces'][number];

/** The kinds of example profile the trace viewer offers. */
export type TracePick = 'converted' | 'timed_out' | 'held_out';

function converted(t: ProfileTrace): boolean {
  return !t.control && t.runs.some((r) => r.conversion !== null);
}

function timedOut(t: ProfileTrace): boolean {
  return t.runs.some((r) => r.steps.some((s) => s.branch === 'timed_out'));
}

const TESTS: Record<TracePick, (t: ProfileTrace) => boolean> = {
  converted,
  timed_out: timedOut,
  held_out: (t) => t.control,
};

/** The first traced profile (in sample order) of a kind, or undefined. */
export function pickTrace(
  traces: readonly ProfileTrace[],
  pick: TracePick,
): ProfileTrace | undefined {
  return traces.find(TESTS[pick]);
}

/** Every step id a trace passed, in order, without repeats: its path on the canvas. */
export function tracePath(trace: ProfileTrace): string[] {
  const seen = new Set<string>();
  for (const run of trace.runs) for (const step of run.steps) seen.add(step.stepId);
  return [...seen];
}
