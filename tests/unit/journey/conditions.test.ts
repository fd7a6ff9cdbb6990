import { describe, expect, it } from 'vitest';
import {
  compileCondition,
  describeCondition,
  evaluateCondition,
  explainCondition,
  isReachable,
  profileSchema,
  conditionGroupSchema,
  conditionProblems,
  DAY_MS,
  type ConditionGroup,
  type ConditionNode,
  type Profile,
  type ProfileEvent,
} from '../../../src/domain/index.ts';

const NOW = Date.UTC(2026, 0, 15, 12);

function profile(attributes: Record<string, unknown> = {}, events: ProfileEvent[] = []): Profile {
  return profileSchema.parse({ id: 'p1', attributes, events });
}

function holds(rule: ConditionNode, p: Profile, inControlGroup = false): boolean {
  return evaluateCondition({ type: 'group', op: 'and', rules: [rule] }, p, {
    now: NOW,
    inControlGroup,
  });
}

const someone = profile({
  name: 'Ada',
  email: 'ada@example.com',
  country: 'FR',
  plan: 'Plus',
  birthday: '1990-06-15',
  signupDate: '2026-01-10',
  tags: ['vip', 'newsletter'],
  consent: { email: true },
  custom: { ltv: 120, active: true, score: '7', renewalDate: '2026-02-01' },
});

describe('attribute rules', () => {
  const text = (operator: string, value?: string) =>
    ({
      type: 'attribute',
      attribute: 'country',
      valueType: 'text',
      operator,
      value,
    }) as ConditionNode;
  it.each([
    ['equals', 'fr', true],
    ['equals', 'DE', false],
    ['not_equals', 'DE', true],
    ['contains', 'r', true],
    ['not_contains', 'r', false],
    ['starts_with', 'F', true],
    ['ends_with', 'F', false],
    ['is_set', undefined, true],
    ['is_not_set', undefined, false],
  ])('text %s %s → %s', (op, value, expected) => {
    expect(holds(text(op, value), someone)).toBe(expected);
  });

  it('text comparison can be case-sensitive', () => {
    const rule = {
      type: 'attribute',
      attribute: 'country',
      valueType: 'text',
      operator: 'equals',
      value: 'fr',
      caseSensitive: true,
    } as const;
    expect(holds(rule, someone)).toBe(false);
  });

  it('negative text operators match a missing attribute', () => {
    expect(holds(text('not_equals', 'FR'), profile())).toBe(true);
    expect(holds(text('equals', 'FR'), profile())).toBe(false);
    expect(holds(text('is_not_set'), profile())).toBe(true);
  });

  const num = (operator: string, value?: number, value2?: number) =>
    ({
      type: 'attribute',
      attribute: 'custom.ltv',
      valueType: 'number',
      operator,
      value,
      value2,
    }) as ConditionNode;
  it.each([
    ['equals', 120, undefined, true],
    ['not_equals', 120, undefined, false],
    ['gt', 100, undefined, true],
    ['gt', 120, undefined, false],
    ['gte', 120, undefined, true],
    ['lt', 120, undefined, false],
    ['lte', 120, undefined, true],
    ['between', 100, 150, true],
    ['between', 121, 150, false],
    ['is_set', undefined, undefined, true],
    ['is_not_set', undefined, undefined, false],
  ])('number %s %s %s → %s', (op, a, b, expected) => {
    expect(holds(num(op, a, b), someone)).toBe(expected);
  });

  it('reads numeric text as a number', () => {
    const rule = {
      type: 'attribute',
      attribute: 'custom.score',
      valueType: 'number',
      operator: 'gte',
      value: 7,
    } as const;
    expect(holds(rule, someone)).toBe(true);
  });

  const date = (attribute: string, operator: string, value?: string | number, value2?: string) =>
    ({ type: 'attribute', attribute, valueType: 'date', operator, value, value2 }) as ConditionNode;
  it.each([
    ['signupDate', 'on', '2026-01-10', undefined, true],
    ['signupDate', 'before', '2026-01-10', undefined, false],
    ['signupDate', 'before', '2026-01-11', undefined, true],
    ['signupDate', 'after', '2026-01-09', undefined, true],
    ['signupDate', 'after', '2026-01-10', undefined, false],
    ['signupDate', 'between', '2026-01-01', '2026-01-10', true],
    ['signupDate', 'between', '2026-01-11', '2026-01-31', false],
    ['signupDate', 'within_last_days', 7, undefined, true],
    ['signupDate', 'within_last_days', 3, undefined, false],
    ['signupDate', 'more_than_days_ago', 3, undefined, true],
    ['signupDate', 'more_than_days_ago', 7, undefined, false],
    ['custom.renewalDate', 'within_next_days', 30, undefined, true],
    ['custom.renewalDate', 'within_next_days', 10, undefined, false],
    ['birthday', 'is_set', undefined, undefined, true],
    ['birthday', 'is_not_set', undefined, undefined, false],
  ])('date %s %s %s → %s', (attribute, op, a, b, expected) => {
    expect(holds(date(attribute, op, a, b), someone)).toBe(expected);
  });

  const bool = (attribute: string, operator: string) =>
    ({ type: 'attribute', attribute, valueType: 'boolean', operator }) as ConditionNode;
  it.each([
    ['consent.email', 'is_true', true],
    ['consent.email', 'is_false', false],
    ['consent.sms', 'is_set', false],
    ['consent.sms', 'is_not_set', true],
    ['custom.active', 'is_true', true],
  ])('boolean %s %s → %s', (attribute, op, expected) => {
    expect(holds(bool(attribute, op), someone)).toBe(expected);
  });

  const list = (operator: string, value?: string) =>
    ({ type: 'attribute', attribute: 'tags', valueType: 'list', operator, value }) as ConditionNode;
  it.each([
    ['includes', 'vip', true],
    ['includes', 'churned', false],
    ['not_includes', 'vip', false],
    ['is_empty', undefined, false],
    ['is_not_empty', undefined, true],
  ])('list %s %s → %s', (op, value, expected) => {
    expect(holds(list(op, value), someone)).toBe(expected);
  });

  it('an unknown attribute path reads as not set', () => {
    expect(holds(text('is_not_set'), profile({ country: undefined }))).toBe(true);
    const rule = {
      type: 'attribute',
      attribute: 'nonsense',
      valueType: 'text',
      operator: 'is_set',
    } as const;
    expect(holds(rule, someone)).toBe(false);
  });
});

describe('event-count rules', () => {
  const events: ProfileEvent[] = [
    { name: 'order_placed', at: NOW - 40 * DAY_MS, props: { amount: 80 } },
    { name: 'order_placed', at: NOW - 5 * DAY_MS, props: { amount: 20 } },
    { name: 'order_placed', at: NOW - 1 * DAY_MS, props: { amount: 60 } },
    { name: 'page_viewed', at: NOW - 1 * DAY_MS },
    { name: 'order_placed', at: NOW + DAY_MS, props: { amount: 99 } },
  ];
  const p = profile({}, events);
  const rule = (
    comparison: 'at_least' | 'at_most' | 'exactly',
    count: number,
    withinDays: number | null,
    filters = [],
  ) =>
    ({
      type: 'event_count',
      event: 'order_placed',
      comparison,
      count,
      withinDays,
      propertyFilters: filters,
    }) as ConditionNode;

  it.each([
    ['at_least', 2, 7, true],
    ['at_least', 3, 7, false],
    ['exactly', 2, 7, true],
    ['exactly', 3, null, true],
    ['at_most', 1, 7, false],
    ['at_most', 3, null, true],
    ['exactly', 0, 0.5, true],
  ] as const)(
    '%s %d within %s days → %s (future events ignored)',
    (comparison, count, days, expected) => {
      expect(holds(rule(comparison, count, days), p)).toBe(expected);
    },
  );

  it('applies property filters', () => {
    const filtered: ConditionNode = {
      type: 'event_count',
      event: 'order_placed',
      comparison: 'exactly',
      count: 1,
      withinDays: 7,
      propertyFilters: [{ property: 'amount', operator: 'gte', value: 50 }],
    };
    expect(holds(filtered, p)).toBe(true);
  });

  it('reads ctx.events instead of the profile events when given', () => {
    const group: ConditionGroup = { type: 'group', op: 'and', rules: [rule('at_least', 1, 7)] };
    expect(evaluateCondition(group, p, { now: NOW, inControlGroup: false, events: [] })).toBe(
      false,
    );
  });
});

describe('reachability', () => {
  it.each([
    ['email', { email: 'a@b.c', consent: { email: true } }, true],
    ['email', { email: 'a@b.c', consent: {} }, false],
    ['email', { consent: { email: true } }, false],
    ['sms', { phone: '+33600000000', consent: { sms: true } }, true],
    ['sms', { phone: '+33600000000', consent: { sms: false } }, false],
    ['push', { pushToken: 'tok', consent: { push: true } }, true],
    ['push', { consent: { push: true } }, false],
    ['in_app', {}, true],
    ['in_app', { consent: { in_app: false } }, false],
    ['call_centre', { phone: '+1' }, true],
    ['call_centre', {}, false],
    ['webhook', {}, true],
    ['direct_mail', { country: 'FR' }, true],
    ['direct_mail', { custom: { postalAddress: '1 rue X' } }, true],
    ['direct_mail', {}, false],
  ] as const)('%s with %j → %s', (channel, attributes, expected) => {
    expect(isReachable(profile(attributes), channel)).toBe(expected);
    expect(holds({ type: 'reachable', channel }, profile(attributes))).toBe(expected);
  });
});

describe('groups, control group and descriptions', () => {
  const vip = {
    type: 'attribute',
    attribute: 'tags',
    valueType: 'list',
    operator: 'includes',
    value: 'vip',
  } as const;
  const de = {
    type: 'attribute',
    attribute: 'country',
    valueType: 'text',
    operator: 'equals',
    value: 'DE',
  } as const;

  it('combines with and/or and nests', () => {
    expect(
      compileCondition({ type: 'group', op: 'and', rules: [vip, de] })(someone, {
        now: NOW,
        inControlGroup: false,
      }),
    ).toBe(false);
    expect(
      compileCondition({ type: 'group', op: 'or', rules: [vip, de] })(someone, {
        now: NOW,
        inControlGroup: false,
      }),
    ).toBe(true);
    const nested: ConditionGroup = {
      type: 'group',
      op: 'and',
      rules: [vip, { type: 'group', op: 'or', rules: [de, vip] }],
    };
    expect(compileCondition(nested)(someone, { now: NOW, inControlGroup: false })).toBe(true);
  });

  it('an empty group matches everyone', () => {
    expect(
      compileCondition({ type: 'group', op: 'or', rules: [] })(someone, {
        now: NOW,
        inControlGroup: false,
      }),
    ).toBe(true);
  });

  it('checks control-group membership from the context', () => {
    expect(holds({ type: 'control_group', inGroup: true }, someone, true)).toBe(true);
    expect(holds({ type: 'control_group', inGroup: true }, someone, false)).toBe(false);
  });

  it('describes and explains rules in words', () => {
    const rule: ConditionNode = {
      type: 'event_count',
      event: 'order_placed',
      comparison: 'at_most',
      count: 0,
      withinDays: 7,
      propertyFilters: [],
    };
    const group: ConditionGroup = { type: 'group', op: 'and', rules: [rule, vip] };
    expect(describeCondition(group)).toBe(
      'order_placed at most 0 times in the last 7 days and Tags includes vip',
    );
    const explained = explainCondition(group, someone, { now: NOW, inControlGroup: false });
    expect(explained).toContain('✓ order_placed 0 times in the last 7 days');
    expect(explained.split('\n')[0]).toBe('✓ all of:');
  });

  it('parses nested groups and reports incomplete rules with their path', () => {
    const raw = {
      type: 'group',
      op: 'and',
      rules: [{ type: 'group', op: 'or', rules: [{ ...de, value: undefined }] }],
    };
    const group = conditionGroupSchema.parse(raw);
    expect(conditionProblems(group, 'condition')).toEqual([
      {
        field: 'condition.rules.0.rules.0.value',
        message: expect.stringContaining('Country'),
        what: 'value',
        attribute: 'Country',
        reason: '',
      },
    ]);
    expect(conditionGroupSchema.safeParse({ type: 'group', op: 'xor', rules: [] }).success).toBe(
      false,
    );
  });
});
