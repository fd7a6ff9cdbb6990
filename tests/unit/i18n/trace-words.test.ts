// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IntlShape } from 'react-intl';
import { setFormatLocale } from '../../../src/i18n/format-locale.ts';
import { describe, expect, it } from 'vitest';
import {
  compile,
  simulate,
  TEMPLATES,
  type ConditionGroup,
  type TraceWhy,
} from '../../../src/domain/index.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { traceWhySchema } from '../../../src/domain/simulate/trace.ts';
import { formatTraceWhy } from '../../../src/features/simulation/trace-words.ts';
import { testIntl } from '../../support/test-intl.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const fr = JSON.parse(readFileSync(path.join(root, 'src/i18n/messages/fr.json'), 'utf8')) as Record<
  string,
  string
>;
const english = await testIntl('en');
const french = await testIntl('fr');
const at = Date.parse('2024-03-01T09:00:00Z');
const country: ConditionGroup = {
  type: 'group',
  op: 'and',
  rules: [
    { type: 'attribute', attribute: 'country', valueType: 'text', operator: 'equals', value: 'FR' },
  ],
};

/** One reason of every code the simulator writes, with values like its own. */
const EVERY_REASON: TraceWhy[] = [
  { code: 'control' },
  { code: 'loopEntries', values: { max: 1000 } },
  { code: 'loopHops', values: { max: 100 } },
  { code: 'stillHere' },
  { code: 'goal', values: { event: 'order_placed', at } },
  { code: 'exitCriteria', values: { event: 'unsubscribed', at } },
  { code: 'completed' },
  { code: 'entered', values: { at } },
  { code: 'entered.event', values: { event: 'signed_up', at } },
  { code: 'entered.date', values: { attribute: 'birthday', recurrence: 'yearly', at } },
  { code: 'entered.audience', values: { at } },
  { code: 'entered.segment', values: { at } },
  {
    code: 'wentIf',
    values: {
      branch: { phrase: { id: 'step.if_else.branch.no' } },
      holds: 'no',
      condition: { condition: country },
    },
  },
  {
    code: 'wentPath',
    values: {
      branch: { phrase: { id: 'step.multi_split.branch.numbered', values: { number: 2 } } },
      condition: { condition: country },
    },
  },
  { code: 'wentElse', values: { branch: { phrase: { id: 'step.multi_split.branch.else' } } } },
  {
    code: 'wentRandom',
    values: {
      branch: { phrase: { id: 'step.random_split.branch', values: { name: 'A', share: 0.5 } } },
      bucket: 12.34,
    },
  },
  { code: 'waited', values: { span: 2 * 86_400_000 + 3_600_000, until: at } },
  { code: 'waitedUntil', values: { until: at } },
  { code: 'dateGone' },
  { code: 'windowOpened', values: { until: at } },
  { code: 'inWindow' },
  { code: 'eventHappened', values: { event: 'order_placed', at, span: 90_000 } },
  { code: 'eventTimedOut', values: { event: 'order_placed', at, span: 3 * 86_400_000 } },
  {
    code: 'engagementHappened',
    values: { engagement: 'opened', message: 'Welcome', at, span: 60_000 },
  },
  {
    code: 'engagementTimedOut',
    values: { engagement: 'clicked', message: 'Welcome', at, span: 60_000 },
  },
  { code: 'notReachable', values: { channel: 'sms' } },
  { code: 'unsubscribed', values: { channel: 'email' } },
  { code: 'quietDropped', values: { zone: 'Europe/Paris' } },
  { code: 'quietDeferred', values: { zone: 'Europe/Paris', at } },
  { code: 'capped', values: { count: 3 } },
  { code: 'notDelivered' },
  { code: 'sent' },
  { code: 'delivered' },
  { code: 'opened', values: { at } },
  { code: 'clicked', values: { at } },
  { code: 'unsubscribedAt', values: { at } },
  { code: 'npsAnswer', values: { score: 9 } },
  { code: 'converted', values: { event: 'order_placed', amount: 1234.5, at } },
  { code: 'setAttribute', values: { attribute: 'plan', value: '"gold"' } },
  { code: 'addedTag', values: { tag: 'vip' } },
  { code: 'removedTag', values: { tag: 'lapsed' } },
  { code: 'exitStep' },
];

function recording(intl: IntlShape, seen: Set<string>): IntlShape {
  return {
    ...intl,
    formatMessage: ((descriptor: { id?: string }, values?: Record<string, unknown>) => {
      if (descriptor.id !== undefined) seen.add(descriptor.id);
      return intl.formatMessage(descriptor, values as never);
    }) as IntlShape['formatMessage'],
  };
}

describe('trace reasons in French and English', () => {
  it('words every code, and the catalogues hold no trace id the simulator never writes', () => {
    const seen = new Set<string>();
    for (const why of EVERY_REASON) {
      expect(traceWhySchema.safeParse(why).success).toBe(true);
      for (const intl of [english, french]) {
        const text = formatTraceWhy(recording(intl, seen), [why]);
        expect(text, why.code).not.toMatch(/[{}]|undefined|NaN/);
      }
    }
    const traceIds = Object.keys(fr).filter((id) => id.startsWith('trace.'));
    expect(traceIds.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('words a branch, a condition and a time in the user’s language', () => {
    const why = EVERY_REASON.filter((w) => w.code === 'wentIf' || w.code === 'waited');
    // The time is written as the reader writes dates (the LocaleProvider sets the format locale).
    expect(formatTraceWhy(english, why)).toMatch(
      /^went "No": Country is "FR" does not hold; waited 2 d 1 h until Mar 1, 2024, 9:00\sAM UTC$/,
    );
    setFormatLocale('fr');
    try {
      expect(formatTraceWhy(french, why)).toBe(
        'vers « Non » : Pays est "FR" est faux; a attendu 2 j 1 h jusqu’au 1 mars 2024, 09:00 UTC',
      );
    } finally {
      setFormatLocale('en');
    }
  });

  it('gives every traced step of a simulated template a reason the app can word', () => {
    const start = Date.parse('2024-01-01T00:00:00Z');
    const template = TEMPLATES.find((t) => t.id === 'welcome-series');
    const { spec } = compile(template!.build(start, () => 'j'));
    const profiles = generateProfiles({
      count: 500,
      seed: 11,
      start: Date.parse('2022-01-01T00:00:00Z'),
      end: Date.parse('2024-07-01T00:00:00Z'),
    });
    const result = simulate(spec!, profiles, { seed: 3, start, horizonDays: 180, traceSample: 20 });
    const steps = result.traces.flatMap((t) => t.runs.flatMap((r) => r.steps));
    expect(steps.length).toBeGreaterThan(20);
    for (const step of steps) {
      expect(step.why, step.reason).toBeDefined();
      expect(formatTraceWhy(french, step.why ?? [])).not.toBe('');
    }
  });
});
