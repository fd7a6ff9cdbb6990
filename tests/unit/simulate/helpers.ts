import { compile } from '../../../src/domain/compile/compile.ts';
import type { Spec } from '../../../src/domain/compile/spec-schema.ts';
import type { JourneyDocument } from '../../../src/domain/journey/journey-schema.ts';
import { journeySettingsSchema } from '../../../src/domain/journey/settings-schema.ts';
import type { Profile, ProfileAttributes, Scalar } from '../../../src/domain/profiles/profile.ts';
import { allOf } from '../../../src/domain/conditions/condition-schema.ts';
import { eventCount } from '../../../src/domain/templates/template-builder.ts';
import type { SimulationOptions } from '../../../src/domain/simulate/options.ts';
import type { SimulationResult } from '../../../src/domain/simulate/result-schema.ts';

export type StepRow = [id: string, kind: string, config: Record<string, unknown>];
export type LinkRow = [from: string, branch: string, to: string];

/** Compiles steps and links into a spec; fails the test on validation errors. */
export function specOf(
  steps: StepRow[],
  links: LinkRow[],
  settings: Record<string, unknown> = {},
  id = 'j1',
): Spec {
  const doc: JourneyDocument = {
    schemaVersion: 1,
    id,
    name: 'Test journey',
    description: '',
    lifecycleStage: 'none',
    steps: steps.map(([sid, kind, config], i) => ({
      id: sid,
      kind,
      label: sid,
      config,
      position: { x: i * 100, y: 0 },
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
  const { spec, diagnostics } = compile(doc);
  if (spec === null)
    throw new Error(
      `journey does not compile: ${JSON.stringify(diagnostics.filter((d) => d.severity === 'error'))}`,
    );
  return spec;
}

/** Epoch ms of an ISO instant. */
export const at = (iso: string): number => Date.parse(iso);

/** A profile with an email address and consent unless overridden, and events `[name, iso, props?]`. */
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
        props === undefined ? { name, at: at(iso) } : { name, at: at(iso), props },
      )
      .sort((a, b) => a.at - b.at),
  };
}

export const email = (subject = 'Hello'): Record<string, unknown> => ({
  subject,
  preheader: '',
  body: 'Body',
  from: 'shop@example.com',
  templateName: '',
});

export const event = (name: string): Record<string, unknown> => ({
  event: name,
  propertyFilters: [],
});

export const delay = (
  amount: number,
  unit: 'minutes' | 'hours' | 'days' | 'weeks',
): Record<string, unknown> => ({ amount, unit });

/** Behaviour where every email is delivered and nothing else happens: exact, hand-checkable runs. */
export const QUIET_BEHAVIOUR: SimulationOptions['behaviour'] = {
  email: {
    deliveredRate: 1,
    openRate: 0,
    clickRate: 0,
    unsubscribeRate: 0,
    conversionRate: 0,
    deliveryDelayMinutes: 0,
  },
  sms: {
    deliveredRate: 1,
    clickRate: 0,
    unsubscribeRate: 0,
    conversionRate: 0,
    deliveryDelayMinutes: 0,
  },
  push: { deliveredRate: 1, openRate: 0, clickRate: 0, conversionRate: 0, deliveryDelayMinutes: 0 },
};

/** Checks `entered = sum(byBranch) + waiting + exited` at every step; returns the offending step ids. */
export function brokenCounts(result: SimulationResult): string[] {
  return Object.values(result.steps)
    .filter(
      (s) =>
        s.entered !== Object.values(s.byBranch).reduce((a, b) => a + b, 0) + s.waiting + s.exited,
    )
    .map((s) => s.stepId);
}

/** "order_placed at least `count` times in `withinDays` days" (null: ever) as a condition group. */
export const ordersAtLeast = (count: number, withinDays: number | null): Record<string, unknown> =>
  allOf(eventCount('order_placed', 'at_least', count, withinDays));
