import type { EventTriggerConfig } from '../steps/kinds/event.ts';
import { isStepKind } from '../steps/step-kinds.ts';
import { checkTemplates } from '../templating/template-checks.ts';
import type { TemplateContext } from '../templating/template-context.ts';
import type { Analysis } from './analysis.ts';

/** Names of the events that start the journey, from its event triggers. */
export function triggerEventsOf(a: Analysis): string[] {
  const names: string[] = [];
  for (const id of a.triggerIds) {
    if (a.steps.get(id)?.kind !== 'event') continue;
    const config = a.configs.get(id) as EventTriggerConfig | undefined;
    if (config !== undefined && config.event.trim() !== '') names.push(config.event);
  }
  return names;
}

/** The template checks of every message step whose config parsed. */
export function checkMessageTemplates(a: Analysis, context: TemplateContext | undefined): void {
  const triggerEvents = triggerEventsOf(a);
  for (const [id, config] of a.configs) {
    const kind = a.steps.get(id)?.kind;
    if (kind === undefined || !isStepKind(kind)) continue;
    for (const issue of checkTemplates({ kind, config, triggerEvents, context })) {
      a.diagnostics.push({ ...issue, stepId: id });
    }
  }
}
