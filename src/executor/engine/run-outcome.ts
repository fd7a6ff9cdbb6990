import type { ExpectedProfile } from '../../domain/conformance/conformance-kit.ts';
import type { JourneyProfileState, RunEnd } from './state.ts';

const iso = (t: number) => new Date(t).toISOString();

/**
 * A profile's runs in the conformance kit's form: a run still going is reported at the step it
 * waits at, with `end: "horizon"` (the kit's name for "still active when the window ended").
 */
export function runsOutcome(
  state: JourneyProfileState,
): (ExpectedProfile['runs'][number] & { end: RunEnd | 'horizon' })[] {
  return state.runs.map((run) => {
    const steps = run.steps.map((s) => ({
      stepId: s.stepId,
      at: iso(s.at),
      leftAt: s.leftAt === null ? null : iso(s.leftAt),
      branch: s.branch,
    }));
    if (run.end === null)
      steps.push({ stepId: run.stepId, at: iso(run.arrivedAt), leftAt: null, branch: null });
    return {
      entryAt: iso(run.entryAt),
      trigger: run.trigger,
      steps,
      end: run.end ?? ('horizon' as const),
      endedAt: run.endedAt === null ? null : iso(run.endedAt),
    };
  });
}
