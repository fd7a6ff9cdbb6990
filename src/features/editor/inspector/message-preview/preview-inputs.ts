import {
  isStepKind,
  templateFieldsOf,
  type JourneyDocument,
  type JourneyStep,
  type JourneyValues,
  type StepKind,
} from '../../../../domain/index.ts';

/** Whether a step has texts a customer receives, so a preview belongs under its form. */
export function hasTemplates(step: JourneyStep): step is JourneyStep & { kind: StepKind } {
  return isStepKind(step.kind) && templateFieldsOf(step.kind).length > 0;
}

/** The event that starts the journey (its first event trigger), for `event.` fields. */
export function firstTriggerEvent(document: JourneyDocument): string | undefined {
  for (const step of document.steps) {
    if (step.kind !== 'event') continue;
    const name = (step.config as { event?: unknown }).event;
    if (typeof name === 'string' && name.trim() !== '') return name;
  }
  return undefined;
}

/** The journey's own values; the unsubscribe link is a per-customer stand-in in a preview. */
export function journeyValues(document: JourneyDocument): JourneyValues {
  return {
    id: document.id,
    name: document.name,
    unsubscribeUrl: `https://unsubscribe.example/${document.id}`,
  };
}
