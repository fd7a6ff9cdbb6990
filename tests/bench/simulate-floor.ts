/**
 * The simulator benchmark's journey and profiles: the 20-step bench journey the engine runs and
 * the floor (simulate-floor-loop.ts) hand-writes, and the generated profiles both run over.
 */
import { allOf } from '../../src/domain/conditions/condition-schema.ts';
import { eventCount } from '../../src/domain/templates/template-builder.ts';
import type { JourneyDocument, JourneyStep } from '../../src/domain/journey/journey-schema.ts';
import { defaultSettings } from '../../src/domain/journey/settings-schema.ts';
import type { Profile } from '../../src/domain/profiles/profile.ts';
import { generateProfileAt } from '../../src/domain/profiles/generate/generate-profiles.ts';

const DAY = 86_400_000;

/** Simulated period of the benchmark: 90 days from 1 January 2024. */
export const BENCH_START = Date.UTC(2024, 0, 1);
export const BENCH_DAYS = 90;
/** The journey's goal: an order within this many days of entry. */
export const GOAL_WINDOW_DAYS = 14;
/** The text of its SMS (billed per part). */
export const SMS_TEXT = 'VIP offer';

type StepSpec = [id: string, kind: string, config: Record<string, unknown>];

/** The steps: id, kind and config. */
export const STEPS: StepSpec[] = [
  ['t', 'event', { event: 'order_placed', propertyFilters: [] }],
  [
    'reach',
    'if_else',
    { condition: { type: 'group', op: 'and', rules: [{ type: 'reachable', channel: 'email' }] } },
  ],
  [
    'e1',
    'email',
    {
      subject: 'Thanks',
      preheader: '',
      body: 'Thanks for your order',
      from: 'a@b.c',
      templateName: '',
    },
  ],
  ['p0', 'push', { title: 'Thanks', body: 'Thanks for your order', deepLink: '' }],
  ['d1', 'delay', { amount: 1, unit: 'days' }],
  [
    'split',
    'random_split',
    {
      variants: [
        { key: 'a', label: 'A', percent: 50 },
        { key: 'b', label: 'B', percent: 50 },
      ],
    },
  ],
  [
    'e2',
    'email',
    { subject: 'Tips', preheader: '', body: 'Tips', from: 'a@b.c', templateName: '' },
  ],
  ['pB', 'push', { title: 'Tips', body: 'Tips', deepLink: '' }],
  [
    'wfe',
    'wait_for_event',
    {
      target: { type: 'event', event: 'order_placed', propertyFilters: [] },
      timeout: { amount: 7, unit: 'days' },
    },
  ],
  ['xA', 'exit', { reason: 'Ordered again' }],
  [
    'vip',
    'if_else',
    {
      condition: allOf(eventCount('order_placed', 'at_least', 2, 365)),
    },
  ],
  ['sms', 'sms', { text: SMS_TEXT }],
  [
    'e3',
    'email',
    { subject: 'Offer', preheader: '', body: 'Offer', from: 'a@b.c', templateName: '' },
  ],
  ['d3', 'delay', { amount: 3, unit: 'days' }],
  [
    'e4',
    'email',
    { subject: 'Last chance', preheader: '', body: 'Last chance', from: 'a@b.c', templateName: '' },
  ],
  [
    'eng',
    'wait_for_event',
    {
      target: { type: 'engagement', stepId: 'e4', engagement: 'opened' },
      timeout: { amount: 2, unit: 'days' },
    },
  ],
  ['p2', 'push', { title: 'Reminder', body: 'Reminder', deepLink: '' }],
  ['tag', 'update_profile', { operations: [{ type: 'add_tag', tag: 'engaged' }] }],
  ['d7', 'delay', { amount: 7, unit: 'days' }],
  ['xB', 'exit', { reason: 'Done' }],
];

/** The connections: from, branch, to. */
export const LINKS: [from: string, branch: string, to: string][] = [
  ['t', 'next', 'reach'],
  ['reach', 'yes', 'e1'],
  ['reach', 'no', 'p0'],
  ['e1', 'next', 'd1'],
  ['p0', 'next', 'd1'],
  ['d1', 'next', 'split'],
  ['split', 'a', 'e2'],
  ['split', 'b', 'pB'],
  ['e2', 'next', 'wfe'],
  ['pB', 'next', 'wfe'],
  ['wfe', 'happened', 'xA'],
  ['wfe', 'timed_out', 'vip'],
  ['vip', 'yes', 'sms'],
  ['vip', 'no', 'e3'],
  ['sms', 'next', 'd3'],
  ['e3', 'next', 'd3'],
  ['d3', 'next', 'e4'],
  ['e4', 'next', 'eng'],
  ['eng', 'happened', 'tag'],
  ['eng', 'timed_out', 'p2'],
  ['p2', 'next', 'tag'],
  ['tag', 'next', 'd7'],
  ['d7', 'next', 'xB'],
];

/** The 20-step benchmark journey: trigger, conditions, delays, messages, a random split, waits for events. */
export function benchJourney(): JourneyDocument {
  const steps: JourneyStep[] = STEPS.map(([id, kind, config], i) => ({
    id,
    kind,
    label: id,
    config,
    position: { x: i * 200, y: 0 },
  }));
  const settings = defaultSettings();
  settings.goal = {
    event: 'order_placed',
    propertyFilters: [],
    windowDays: GOAL_WINDOW_DAYS,
    endsJourney: false,
  };
  return {
    schemaVersion: 1,
    id: 'bench',
    name: 'Benchmark journey',
    description: '',
    lifecycleStage: 'first_purchase',
    steps,
    connections: LINKS.map(([from, fromBranch, to]) => ({
      id: `${from}.${fromBranch}`,
      from,
      fromBranch,
      to,
    })),
    settings,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

/**
 * Benchmark profiles: `base` generated profiles (history from 2023 into the simulated period)
 * repeated with fresh ids until there are `count`, so a million profiles need no million generations.
 */
export function benchProfiles(count: number, base = Math.min(count, 50_000), from = 0): Profile[] {
  const start = Date.UTC(2023, 0, 1);
  const end = BENCH_START + BENCH_DAYS * DAY;
  const seeds: Profile[] = [];
  for (let i = 0; i < base; i++) seeds.push(generateProfileAt(i, 42, start, end));
  const out: Profile[] = [];
  for (let i = from; i < from + count; i++) {
    const p = seeds[i % base] as Profile;
    out.push(
      i < base
        ? p
        : { id: `${p.id}-${Math.floor(i / base)}`, attributes: p.attributes, events: p.events },
    );
  }
  return out;
}
