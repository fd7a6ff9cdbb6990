import { z } from 'zod';
import { conditionProblems } from '../conditions/condition-problems.ts';
import type { ConditionGroup } from '../conditions/condition-schema.ts';
import { LIMITS } from '../journey/limits.ts';
import type { StepIssue } from './step-definition.ts';

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const UNIT_MS: Record<DurationUnit, number> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

/** The longest wait a step may hold: 10 years (so times in milliseconds never overflow). */
export const MAX_DURATION_MS = 3650 * UNIT_MS.days;

export const durationSchema = z
  .object({
    amount: z.number().positive(),
    unit: z.enum(DURATION_UNITS),
  })
  .refine((d) => d.amount * UNIT_MS[d.unit] <= MAX_DURATION_MS, {
    message: 'at most 10 years (3,650 days)',
    path: ['amount'],
    params: { problem: 'duration_too_long' },
  });
export type Duration = z.infer<typeof durationSchema>;

/** Milliseconds of a duration; a day is always 24 hours here. */
export function durationMs(d: Duration): number {
  return d.amount * UNIT_MS[d.unit];
}

/** "2 days", "1 hour". */
export function formatDuration(d: Duration): string {
  const word = d.unit.slice(0, -1);
  return `${d.amount} ${d.amount === 1 ? word : `${word}s`}`;
}

/** Per-step overrides of the simulator's response model; any rate left out uses the model's. */
export const behaviourOverrideSchema = z
  .object({
    deliveredRate: z.number().min(0).max(1),
    openRate: z.number().min(0).max(1),
    clickRate: z.number().min(0).max(1),
    unsubscribeRate: z.number().min(0).max(1),
    conversionRate: z.number().min(0).max(1),
    costPerSend: z.number().min(0),
  })
  .partial();
export type BehaviourOverride = z.infer<typeof behaviourOverrideSchema>;

/** Whether a text field holds something other than whitespace. */
export function filled(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '';
}

/**
 * An error for a required field left empty. `what` names the field for the screens' wording
 * (`subject`, `header-name`…) and `n` numbers the item of a list it belongs to (0 for none).
 */
export function required(field: string, message: string, what: string, n = 0): StepIssue {
  return { severity: 'error', code: 'required-field', message, params: { what, n }, field };
}

/** An error for a message step with nothing to send; `what` names the missing content. */
export function noContent(field: string, message: string, what: string): StepIssue {
  return { severity: 'error', code: 'message-without-content', message, params: { what }, field };
}

/** "Welcome aboard" shortened to fit a node face. */
export function clip(text: string, max = 40): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** Weekday keys, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Incomplete rules of a condition group as step errors. */
export function conditionIssues(group: ConditionGroup, field: string): StepIssue[] {
  return conditionProblems(group, field).map((p) => ({
    severity: 'error',
    code: 'incomplete-condition',
    message: p.message,
    params: { what: p.what, attribute: p.attribute, reason: p.reason, max: LIMITS.nameLength },
    field: p.field,
  }));
}

/**
 * Errors for branch keys used twice (or reserved), pointing at `<field>.<i>.key`; `what` names
 * the items for the screens (`path`, `variant`), `noun` for the English message.
 */
export function duplicateKeyIssues(
  keys: readonly string[],
  field: string,
  noun: string,
  what: string,
  reserved: readonly string[] = [],
): StepIssue[] {
  const seen = new Set<string>(reserved);
  const issues: StepIssue[] = [];
  keys.forEach((key, i) => {
    if (seen.has(key)) {
      issues.push({
        severity: 'error',
        code: 'duplicate-branch-key',
        message: `${noun} ${i + 1} needs its own key ("${key}" is taken).`,
        params: { what, n: i + 1, key },
        field: `${field}.${i}.key`,
      });
    }
    seen.add(key);
  });
  return issues;
}
