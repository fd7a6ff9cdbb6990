import type { SimulationRun } from '../../storage/simulation-runs.ts';
import type { SimulationFormValue } from './simulation-form.tsx';
import type { SimulationProfileSet } from './simulation-services.tsx';
import type { SetPeriod } from './use-set-span.ts';

/** Traced profiles per run, so the trace viewer has examples of every outcome. */
export const TRACE_SAMPLE = 200;

export const EMPTY_FORM: SimulationFormValue = {
  setId: null,
  start: null,
  horizonDays: null,
  seed: '1',
  behaviour: {},
};

/** The form as the journey's last run left it, on its set if that is still there. */
export function formFrom(
  run: SimulationRun | null,
  sets: readonly SimulationProfileSet[],
): SimulationFormValue {
  const set = sets.find((s) => s.id === run?.profileSetId) ?? sets[0];
  if (!set) return EMPTY_FORM;
  if (!run || run.profileSetId !== set.id) return { ...EMPTY_FORM, setId: set.id };
  const { start, horizonDays, seed, behaviour } = run.options;
  return {
    setId: set.id,
    start: typeof start === 'number' ? start : null,
    horizonDays: horizonDays ?? null,
    seed: String(seed),
    behaviour,
  };
}

/** The form with the period the person has not set taken from the set's span, once known. */
export function withSetSpan(
  form: SimulationFormValue,
  span: SetPeriod | undefined,
): SimulationFormValue {
  if (span === undefined || (form.start !== null && form.horizonDays !== null)) return form;
  return {
    ...form,
    start: form.start ?? span.start,
    horizonDays: form.horizonDays ?? span.horizonDays,
  };
}

/** The options a run is started with, or null until the period is known. */
export function runOptions(form: SimulationFormValue) {
  if (form.start === null || form.horizonDays === null) return null;
  const seed = form.seed.trim() === '' ? 1 : Number(form.seed);
  return {
    start: form.start,
    horizonDays: form.horizonDays,
    seed: Number.isFinite(seed) ? seed : form.seed,
    behaviour: form.behaviour,
    traceSample: TRACE_SAMPLE,
  };
}
