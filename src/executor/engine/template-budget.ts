import type { ErrorDetail } from '../../domain/contract/backend-contract.ts';
import {
  isStepKind,
  renderMessage,
  templateScope,
  type Profile,
  type Spec,
  type TemplateLimitCode,
} from '../../domain/index.ts';

/** A template field stopped by a render limit for a customer with no values at all. */
export interface OverBudgetTemplate {
  stepId: string;
  field: string;
  code: TemplateLimitCode;
  message: string;
}

/** A customer with no attributes, events or custom values: what every customer has at least. */
const SAMPLE_CUSTOMER: Profile = {
  id: 'sample-customer',
  attributes: { consent: {}, tags: [], custom: {} },
  events: [],
};

/**
 * The templates of a spec that run past a render limit (time or size) for a sample customer with
 * no values. Such a template runs away on its own (a loop over a fixed range, a text doubled in a
 * loop), so it would spend the whole budget on every send of its step and then not be sent: it is
 * refused once, at publish; a version stored before that check has a too-large one refused per
 * send without a render (a too-slow one is stopped per send: timing is not re-judged at load). One whose cost comes from a customer's values renders here in no time and is
 * stopped per send (spec §5.5). Needs the template engine loaded (`loadTemplateEngine`).
 */
export function overBudgetTemplates(spec: Spec): OverBudgetTemplate[] {
  const scope = templateScope(SAMPLE_CUSTOMER, undefined, {
    id: spec.journey.id,
    name: spec.journey.name,
    unsubscribeUrl: 'https://unsubscribe.invalid/sample-customer',
  });
  const found: OverBudgetTemplate[] = [];
  for (const [stepId, step] of Object.entries(spec.steps)) {
    if (!isStepKind(step.kind)) continue;
    for (const [field, outcome] of Object.entries(renderMessage(step.kind, step, scope))) {
      if (outcome.ok) continue;
      const code = outcome.error.code;
      if (code === 'template-too-slow' || code === 'template-too-large')
        found.push({ stepId, field, code, message: outcome.error.message });
    }
  }
  return found;
}

/**
 * The over-budget templates of a spec as the API reports them (publish refuses with them, validate
 * lists them): one detail per step and field, coded `template-too-slow` or `template-too-large`.
 */
export function templateBudgetProblems(spec: Spec): ErrorDetail[] {
  return overBudgetTemplates(spec).map((t) => ({
    stepId: t.stepId,
    field: t.field,
    code: t.code,
    message: `${t.field} ${t.message}, even for a customer with no values`,
  }));
}
