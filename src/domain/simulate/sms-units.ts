import type { Spec } from '../compile/spec-schema.ts';
import type { Profile } from '../profiles/profile.ts';
import { isStepKind } from '../steps/step-kinds.ts';
import { messageTemplates } from '../templating/message-templates.ts';
import { smsPartCounter } from '../templating/render-message.ts';
import type { TriggerEvent } from '../templating/template-variables.ts';

/** A profile with nothing in it, for a text that reads none. */
const BLANK: Profile = { id: '', attributes: { consent: {}, tags: [], custom: {} }, events: [] };

/** Names of the events that start a journey, from its event triggers, sorted. */
export function triggerEventNames(spec: Spec): string[] {
  const names = new Set<string>();
  for (const id of spec.entry) {
    const step = spec.steps[id];
    // Event triggers name their event; other triggers have no `event` field.
    const event = step === undefined ? undefined : (step as { event?: unknown }).event;
    if (typeof event === 'string' && event !== '') names.add(event);
  }
  return [...names].sort();
}

/** The profile's latest event with one of these names at or before `at`: what started its run. */
export function triggeringEvent(
  profile: Profile,
  names: readonly string[],
  at: number,
): TriggerEvent | undefined {
  const events = profile.events;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e !== undefined && e.at <= at && names.includes(e.name)) {
      return { name: e.name, props: e.props };
    }
  }
  return undefined;
}

/**
 * The SMS parts a text costs for one profile: the template rendered with the profile, the event
 * that started its run and the journey's values (spec §Message templates), then split as a
 * carrier splits it. The unsubscribe link is a fixed stand-in of typical length.
 */
export function smsUnits(
  text: string,
  journey: { id: string; name: string },
  triggerEvents: readonly string[],
): (of: { readonly profile: Profile }, at: number) => number {
  const count = smsPartCounter(text, {
    id: journey.id,
    name: journey.name,
    unsubscribeUrl: `https://u.example/${journey.id}`,
  });
  // Without Liquid markup the text is the same for everyone: no profile or event is read.
  if (!text.includes('{')) {
    const parts = count(BLANK, undefined);
    return () => parts;
  }
  return ({ profile }, at) => count(profile, triggeringEvent(profile, triggerEvents, at));
}

/**
 * The parts an SMS step costs per profile: the text of an `sms` step, the question of an NPS
 * survey sent by SMS. `null` when the step has no text to bill by.
 */
export function smsBilling(
  spec: Spec,
  stepId: string,
): ((of: { readonly profile: Profile }, at: number) => number) | null {
  const step = Object.hasOwn(spec.steps, stepId) ? spec.steps[stepId] : undefined;
  if (step === undefined || !isStepKind(step.kind)) return null;
  const [text] = messageTemplates(step.kind, step);
  if (text === undefined) return null;
  return smsUnits(text.source, spec.journey, triggerEventNames(spec));
}
