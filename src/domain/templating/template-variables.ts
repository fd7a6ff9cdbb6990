import type { Profile, Scalar } from '../profiles/profile.ts';

/**
 * The one definition of what a template may reference. Three roots:
 * - `profile.<field>`: the customer's built-in fields, `profile.consent.<channel>`, and custom
 *   attributes as `profile.custom.<name>`;
 * - `event.<property>`: the properties of the event that started the journey (`event.name` is
 *   its name);
 * - `journey.<value>`: values of the journey itself.
 */
export const TEMPLATE_ROOTS = ['profile', 'event', 'journey'] as const;
export type TemplateRoot = (typeof TEMPLATE_ROOTS)[number];

/** Built-in profile fields, as template paths. */
export const PROFILE_TEMPLATE_FIELDS = [
  'profile.id',
  'profile.name',
  'profile.email',
  'profile.phone',
  'profile.country',
  'profile.locale',
  'profile.timeZone',
  'profile.plan',
  'profile.birthday',
  'profile.signupDate',
  'profile.tags',
  'profile.consent.email',
  'profile.consent.sms',
  'profile.consent.push',
  'profile.consent.in_app',
] as const;

/** The journey values; `journey.unsubscribe_url` is filled in per customer by the executor. */
export const JOURNEY_TEMPLATE_FIELDS = [
  'journey.id',
  'journey.name',
  'journey.unsubscribe_url',
] as const;

/** The path an email's unsubscribe link is written with. */
export const UNSUBSCRIBE_PATH = 'journey.unsubscribe_url';

/** The journey values a render needs. */
export interface JourneyValues {
  id: string;
  name: string;
  /** Per customer in production; the preview and the simulator use a stand-in. */
  unsubscribeUrl: string;
}

/** The triggering event as a template sees it: a name and properties. */
export interface TriggerEvent {
  name: string;
  props?: Readonly<Record<string, Scalar>> | undefined;
}

/** The object a template is rendered against. Missing values are left out, never `null`-filled. */
export type TemplateScope = Record<TemplateRoot, Record<string, unknown>>;

/** Builds the scope for one customer, one triggering event and one journey. */
export function templateScope(
  profile: Profile,
  event: TriggerEvent | undefined,
  journey: JourneyValues,
): TemplateScope {
  const { consent, tags, custom, ...fields } = profile.attributes;
  return {
    profile: { id: profile.id, ...fields, consent: { ...consent }, tags: [...tags], custom },
    event: event === undefined ? {} : { ...event.props, name: event.name },
    journey: { id: journey.id, name: journey.name, unsubscribe_url: journey.unsubscribeUrl },
  };
}

/** Where a field's value is missing for a render: left out, `null` or blank text. */
export function isMissingValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Reads a dotted path (`profile.custom.vip`) from a scope. */
export function readScopePath(scope: TemplateScope, path: string): unknown {
  let value: unknown = scope;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** The profile's most recent event with this name: the event a preview assumes started the journey. */
export function latestEvent(profile: Profile, name: string): TriggerEvent | undefined {
  for (let i = profile.events.length - 1; i >= 0; i--) {
    const e = profile.events[i];
    if (e !== undefined && e.name === name) return { name: e.name, props: e.props };
  }
  return undefined;
}
