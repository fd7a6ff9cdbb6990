import { MAX_GENERATED_PROFILES } from '../../../domain/profiles/generate/options.ts';
import type { GenerateRequest } from '../../../workers/profiles/profiles-protocol.ts';

/** The smallest set the dialog offers to generate. */
export const MIN_GENERATED = 100;

/** The generate form as typed: text fields, checked on submit. */
export interface GenerateForm {
  name: string;
  count: string;
  seed: string;
  startDate: string;
  endDate: string;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Defaults: 10,000 profiles, seed 1, signups over the two years up to today. */
export function defaultGenerateForm(now: number): GenerateForm {
  const end = isoDay(now);
  const start = `${Number(end.slice(0, 4)) - 2}${end.slice(4)}`;
  return { name: '', count: '10000', seed: '1', startDate: start, endDate: end };
}

/** A set name from the count: `Synthetic 10k`. */
export function defaultSetName(count: number): string {
  return count >= 1000 && count % 1000 === 0 ? `Synthetic ${count / 1000}k` : `Synthetic ${count}`;
}

/** What is wrong with a field, as a code the dialog words (`generate-dialog.problem`). */
export type GenerateProblem = 'count' | 'seed' | 'startDate' | 'endDate' | 'endBeforeStart';

/** Per-field problems, or the request to run. */
export function readGenerateForm(
  form: GenerateForm,
): { request: GenerateRequest } | { errors: Partial<Record<keyof GenerateForm, GenerateProblem>> } {
  const errors: Partial<Record<keyof GenerateForm, GenerateProblem>> = {};
  const count = Number(form.count);
  if (!Number.isInteger(count) || count < MIN_GENERATED || count > MAX_GENERATED_PROFILES) {
    errors.count = 'count';
  }
  if (form.seed.trim() === '') errors.seed = 'seed';
  const start = Date.parse(`${form.startDate}T00:00:00Z`);
  const end = Date.parse(`${form.endDate}T00:00:00Z`);
  if (Number.isNaN(start)) errors.startDate = 'startDate';
  if (Number.isNaN(end)) errors.endDate = 'endDate';
  else if (!Number.isNaN(start) && end <= start) errors.endDate = 'endBeforeStart';
  if (Object.keys(errors).length > 0) return { errors };
  const seedText = form.seed.trim();
  const seed = /^\d+$/.test(seedText) ? Number(seedText) : seedText;
  return {
    request: {
      name: form.name.trim() || defaultSetName(count),
      count,
      seed,
      start,
      end: end + 86_400_000,
    },
  };
}
