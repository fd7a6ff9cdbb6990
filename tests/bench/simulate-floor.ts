/**
 * The floor for the simulator benchmark: the 20-step bench journey hand-written as one tight loop
 * (typed arrays, inline random numbers, no generality) over the same columns the engine reads.
 * The engine's time is reported as a multiple of this loop's.
 */
import { CHANNELS } from '../../src/domain/channels.ts';
import { allOf } from '../../src/domain/conditions/condition-schema.ts';
import { eventCount } from '../../src/domain/templates/template-builder.ts';
import type { JourneyDocument, JourneyStep } from '../../src/domain/journey/journey-schema.ts';
import { defaultSettings } from '../../src/domain/journey/settings-schema.ts';
import type { Profile } from '../../src/domain/profiles/profile.ts';
import type { ProfileColumns } from '../../src/domain/simulate/profile-columns.ts';
import { generateProfileAt } from '../../src/domain/profiles/generate/generate-profiles.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Simulated period of the benchmark: 90 days from 1 January 2024. */
export const BENCH_START = Date.UTC(2024, 0, 1);
export const BENCH_DAYS = 90;

type StepSpec = [id: string, kind: string, config: Record<string, unknown>];

const STEPS: StepSpec[] = [
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
  ['sms', 'sms', { text: 'VIP offer' }],
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

const LINKS: [from: string, branch: string, to: string][] = [
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
    windowDays: 14,
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

function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Counters of the floor loop, for a sanity check against the engine. */
export interface FloorResult {
  entered: number;
  sent: number;
  conversions: number;
}

/** Bits of the reach column (`CHANNELS` order). */
const EMAIL = 1 << CHANNELS.indexOf('email');
const SMS = 1 << CHANNELS.indexOf('sms');
const PUSH = 1 << CHANNELS.indexOf('push');

/**
 * The bench journey as one hand-written loop over the profiles' columns, reading what the engine
 * reads: event names and times from the typed arrays, the channels each profile can be reached
 * on from the reach column, and the id of the profiles that enter.
 */
export function runFloor(
  columns: ProfileColumns,
  start = BENCH_START,
  days = BENCH_DAYS,
): FloorResult {
  const order = columns.names.indexOf('order_placed');
  const { eventStart, eventName, eventAt, reach } = columns;
  if (reach === undefined) throw new Error('the floor reads the reach column');
  const end = start + days * DAY;
  let entered = 0;
  let sent = 0;
  let conversions = 0;
  const conv = new Float64Array(8);
  let s = 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let nConv = 0;
  // Sends an email (kind 0) or push (1) or sms (2) at t: draws engagement, returns the open time or -1.
  const send = (kind: number, t: number): number => {
    sent++;
    if (rand() >= 0.95) return -1;
    let open = -1;
    if (kind !== 2 && rand() < 0.2) open = t + rand() * 4 * HOUR;
    if ((open >= 0 || kind === 2) && rand() < 0.1 && rand() < 0.08 && nConv < 8)
      conv[nConv++] = t + 2 * HOUR;
    return open;
  };
  for (let p = 0; p < columns.count; p++) {
    const first = eventStart[p] as number;
    const last = eventStart[p + 1] as number;
    let i = first;
    while (i < last && (eventAt[i] as number) < start) i++;
    let entry = -1;
    for (; i < last; i++) {
      const at = eventAt[i] as number;
      if (at >= end) break;
      if (eventName[i] === order) {
        entry = at;
        break;
      }
    }
    if (entry < 0) continue;
    entered++;
    nConv = 0;
    const h = fnv(columns.id(p));
    s = h;
    const r = reach[p] as number;
    let t = entry;
    const emailOk = (r & EMAIL) !== 0;
    const pushOk = (r & PUSH) !== 0;
    if (emailOk) send(0, t);
    else if (pushOk) send(1, t);
    t += DAY;
    if (t >= end) continue;
    if (Math.imul(h ^ 0x5bd1e995, 0x85ebca6b) >>> 31 === 0) {
      if (emailOk) send(0, t);
    } else if (pushOk) send(1, t);
    let happened = -1;
    for (let j = i + 1; j < last; j++) {
      const at = eventAt[j] as number;
      if (at > t + 7 * DAY) break;
      if (at > t && eventName[j] === order) {
        happened = at;
        break;
      }
    }
    for (let c = 0; c < nConv && happened < 0; c++)
      if ((conv[c] as number) > t && (conv[c] as number) <= t + 7 * DAY)
        happened = conv[c] as number;
    if (happened >= 0) continue;
    t += 7 * DAY;
    if (t >= end) continue;
    let orders = 0;
    for (let j = first; j < last; j++) {
      const at = eventAt[j] as number;
      if (at > t) break;
      if (at >= t - 365 * DAY && eventName[j] === order) orders++;
    }
    if (orders >= 2) {
      if ((r & SMS) !== 0) send(2, t);
    } else if (emailOk) send(0, t);
    t += 3 * DAY;
    if (t >= end) continue;
    const open = emailOk ? send(0, t) : -1;
    if (open < 0 || open > t + 2 * DAY) {
      t += 2 * DAY;
      if (t >= end) continue;
      if (pushOk) send(1, t);
    }
    t += 7 * DAY;
    if (t >= end) continue;
    for (let c = 0; c < nConv; c++) if ((conv[c] as number) - entry <= 14 * DAY) conversions++;
  }
  return { entered, sent, conversions };
}
