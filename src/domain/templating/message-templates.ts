import type { StepKind } from '../steps/step-kinds.ts';

/** A text of a step that a customer or an agent receives, written as a Liquid template. */
export interface MessageTemplate {
  /** Config path, e.g. `subject`, `button.label`. */
  field: string;
  source: string;
}

/** Config paths holding templates, per step kind. */
const TEMPLATE_FIELDS: Partial<Record<StepKind, readonly string[]>> = {
  email: ['subject', 'preheader', 'body'],
  sms: ['text'],
  push: ['title', 'body'],
  in_app: ['title', 'body', 'button.label'],
  webhook: ['bodyTemplate'],
  call_centre_task: ['script'],
  direct_mail: ['offer'],
  nps_survey: ['question'],
};

/** The config paths of a kind that hold templates (empty for steps that send nothing). */
export function templateFieldsOf(kind: StepKind): readonly string[] {
  return TEMPLATE_FIELDS[kind] ?? [];
}

function read(config: unknown, path: string): unknown {
  let value = config;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** The templates of a parsed step config, in form order. */
export function messageTemplates(kind: StepKind, config: unknown): MessageTemplate[] {
  return templateFieldsOf(kind).flatMap((field) => {
    const source = read(config, field);
    return typeof source === 'string' ? [{ field, source }] : [];
  });
}
