import {
  createJourney,
  sequentialIds,
  type JourneyDocument,
  type StepConfig,
  type StepKind,
} from '../../../src/domain/index.ts';

/** A fixed clock for fixtures: 2026-01-15T00:00:00Z. */
export const FIXED_NOW = Date.UTC(2026, 0, 15);

const country = {
  type: 'group',
  op: 'and',
  rules: [
    { type: 'attribute', attribute: 'country', valueType: 'text', operator: 'equals', value: 'FR' },
  ],
} as const;

/** A complete config per kind that the kind's own checks accept without any issue. */
export const VALID_CONFIGS: { [K in StepKind]: StepConfig<K> } = {
  event: { event: 'signed_up', propertyFilters: [] },
  segment_entry: { condition: { ...country, rules: [...country.rules] } },
  date_attribute: {
    attribute: 'birthday',
    offsetDays: 0,
    direction: 'before',
    recurrence: 'yearly',
    localTime: '09:00',
  },
  scheduled_audience: {
    at: '2026-02-01T09:00:00.000Z',
    recurrence: 'weekly',
    audience: { ...country, rules: [...country.rules] },
  },
  if_else: { condition: { ...country, rules: [...country.rules] } },
  multi_split: {
    branches: [
      { key: 'fr', label: 'France', condition: { ...country, rules: [...country.rules] } },
    ],
  },
  random_split: {
    variants: [
      { key: 'a', label: 'A', percent: 30 },
      { key: 'b', label: 'B', percent: 70 },
    ],
  },
  wait_for_event: {
    target: { type: 'event', event: 'order_placed', propertyFilters: [] },
    timeout: { amount: 2, unit: 'days' },
  },
  delay: { amount: 2, unit: 'days' },
  wait_until: { until: { type: 'fixed', at: '2026-03-01T09:00:00.000Z' } },
  time_window: { weekdays: ['mon', 'fri'], startHour: 9, endHour: 17 },
  email: {
    subject: 'Hello',
    preheader: '',
    body: 'Hi there. Unsubscribe: {{ journey.unsubscribe_url }}',
    from: '',
    templateName: '',
  },
  sms: { text: 'Hi there. Reply STOP to opt out' },
  push: { title: 'Hi', body: 'There', deepLink: '' },
  in_app: { title: 'Hi', body: 'There', button: { label: '', url: '' } },
  webhook: { url: 'https://example.com/hook', method: 'POST', headers: [], bodyTemplate: '{}' },
  call_centre_task: { queue: 'Care', priority: 'normal', script: 'Call them' },
  direct_mail: { offer: '10% off', channel: 'mail', cost: 1 },
  nps_survey: { channel: 'email', question: 'Would you recommend us?' },
  update_profile: { operations: [{ type: 'add_tag', tag: 'vip' }] },
  exit: { reason: 'Done' },
};

/** A fresh copy of a kind's valid config. */
export function validConfig<K extends StepKind>(kind: K): Record<string, unknown> {
  return structuredClone(VALID_CONFIGS[kind]) as Record<string, unknown>;
}

export type StepSpec = [id: string, kind: StepKind, config?: Record<string, unknown>];
export type LinkSpec = [from: string, to: string, branch?: string];

/** Builds a document from steps (valid configs unless given) and links (`next` unless given). */
export function makeDoc(steps: StepSpec[], links: LinkSpec[] = []): JourneyDocument {
  const doc = createJourney('Fixture', FIXED_NOW, sequentialIds('journey'));
  doc.steps = steps.map(([id, kind, config], i) => ({
    id,
    kind,
    label: id,
    config: config ?? validConfig(kind),
    position: { x: i * 300, y: 0 },
  }));
  doc.connections = links.map(([from, to, branch], i) => ({
    id: `c${i}`,
    from,
    fromBranch: branch ?? 'next',
    to,
  }));
  return doc;
}

/** A small valid journey: signed_up → email → delay → sms. */
export function simpleDoc(): JourneyDocument {
  return makeDoc(
    [
      ['t', 'event'],
      ['e', 'email'],
      ['d', 'delay'],
      ['s', 'sms'],
    ],
    [
      ['t', 'e'],
      ['e', 'd'],
      ['d', 's'],
    ],
  );
}
