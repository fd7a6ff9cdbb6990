/** Every step kind, grouped by category in palette order. */
export const STEP_KINDS = [
  'event',
  'segment_entry',
  'date_attribute',
  'scheduled_audience',
  'if_else',
  'multi_split',
  'random_split',
  'wait_for_event',
  'delay',
  'wait_until',
  'time_window',
  'email',
  'sms',
  'push',
  'in_app',
  'webhook',
  'call_centre_task',
  'direct_mail',
  'nps_survey',
  'update_profile',
  'exit',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_CATEGORIES = ['trigger', 'condition', 'wait', 'action'] as const;
export type StepCategory = (typeof STEP_CATEGORIES)[number];

const KIND_SET: ReadonlySet<string> = new Set(STEP_KINDS);

/** Narrows a string to a known step kind. */
export function isStepKind(kind: string): kind is StepKind {
  return KIND_SET.has(kind);
}
