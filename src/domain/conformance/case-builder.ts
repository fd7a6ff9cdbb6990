import { allOf } from '../conditions/condition-schema.ts';
import type { JourneyDocument } from '../journey/journey-schema.ts';
import { journeySettingsSchema } from '../journey/settings-schema.ts';
import type { Profile, ProfileAttributes, Scalar } from '../profiles/profile.ts';
import { eventCount } from '../templates/template-builder.ts';

export type StepRow = [id: string, kind: string, config: Record<string, unknown>];
export type LinkRow = [from: string, branch: string, to: string];

/** A small journey document from rows of steps and links (ids double as labels). */
export function journeyOf(
  id: string,
  name: string,
  steps: StepRow[],
  links: LinkRow[],
  settings: Record<string, unknown> = {},
): JourneyDocument {
  return {
    schemaVersion: 1,
    id,
    name,
    description: '',
    lifecycleStage: 'none',
    steps: steps.map(([sid, kind, config], i) => ({
      id: sid,
      kind,
      label: sid,
      config,
      position: { x: i * 260, y: 0 },
    })),
    connections: links.map(([from, fromBranch, to]) => ({
      id: `${from}.${fromBranch}`,
      from,
      fromBranch,
      to,
    })),
    settings: journeySettingsSchema.parse(settings),
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

/** A profile reachable by email, with events `[name, ISO time, props?]`. */
export function person(
  id: string,
  events: Array<[string, string, Record<string, Scalar>?]> = [],
  attributes: Partial<ProfileAttributes> = {},
): Profile {
  return {
    id,
    attributes: {
      email: `${id}@example.com`,
      consent: { email: true },
      tags: [],
      custom: {},
      ...attributes,
    },
    events: events
      .map(([name, iso, props]) =>
        props === undefined ? { name, at: Date.parse(iso) } : { name, at: Date.parse(iso), props },
      )
      .sort((a, b) => a.at - b.at),
  };
}

export const email = (subject: string): Record<string, unknown> => ({
  subject,
  preheader: '',
  body: 'Hello',
  from: 'shop@example.com',
  templateName: '',
});

export const onEvent = (name: string): Record<string, unknown> => ({
  event: name,
  propertyFilters: [],
});

export const delay = (
  amount: number,
  unit: 'minutes' | 'hours' | 'days' | 'weeks',
): Record<string, unknown> => ({ amount, unit });

export const ordersAtLeast = (count: number, withinDays: number | null) =>
  allOf(eventCount('order_placed', 'at_least', count, withinDays));
