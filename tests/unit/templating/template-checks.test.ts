import { describe, expect, it } from 'vitest';
import type { StepKind } from '../../../src/domain/index.ts';
import { closestName } from '../../../src/domain/templating/closest-name.ts';
import { checkTemplates } from '../../../src/domain/templating/template-checks.ts';
import {
  templateContextFrom,
  type TemplateContext,
} from '../../../src/domain/templating/template-context.ts';
import { profile } from './fixtures.ts';

const email = (body: string, subject = 'Hello') => ({
  subject,
  preheader: '',
  body,
  from: '',
  templateName: '',
});
const UNSUB = '\n{{ journey.unsubscribe_url }}';

function check(
  kind: StepKind,
  config: unknown,
  context?: TemplateContext,
  triggers = ['order_placed'],
) {
  return checkTemplates({ kind, config, triggerEvents: triggers, context });
}
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

const set = templateContextFrom(
  [
    profile('p1', { name: 'Ann', plan: 'plus', custom: { loyaltyTier: 'gold' } }, [
      { name: 'order_placed', at: 1, props: { amount: 10, orderId: 'A' } },
    ]),
    profile('p2', { name: 'Bob', custom: { loyaltyTier: 'silver' } }, [
      { name: 'order_placed', at: 1, props: { amount: 12 } },
    ]),
    profile('p3', { plan: 'basic', custom: {} }),
    profile('p4', { name: 'Dee', plan: 'plus', custom: { loyaltyTier: 'gold' } }),
  ],
  'Demo customers',
);

describe('template syntax', () => {
  it('points at the line and column of a broken tag', () => {
    const [issue] = check('email', email(`Hi\n{% if %}${UNSUB}`));
    expect(issue).toMatchObject({
      severity: 'error',
      code: 'template-syntax',
      field: 'body',
      line: 2,
      column: 6,
    });
  });
  it('reports an unknown filter as a syntax error, and nothing for a sound template', () => {
    expect(
      check('sms', { text: '{{ profile.name | shout }} Reply STOP to opt out' }),
    ).toMatchObject([{ code: 'template-syntax', field: 'text', line: 1 }]);
    expect(check('sms', { text: 'Hi {{ profile.name | upcase }}. Reply STOP to opt out' })).toEqual(
      [],
    );
  });
});

describe('filters that cannot render', () => {
  it('refuses append or prepend without exactly one value where it is written, not when sending', () => {
    for (const [text, column] of [
      ['Hi\n {{ profile.name | append }} STOP', 2],
      ['Hi\n {{ profile.name | upcase | prepend: "a", "b" }} STOP', 2],
    ] as const) {
      expect(check('sms', { text })).toMatchObject([
        { severity: 'error', code: 'template-syntax', field: 'text', line: 2, column },
      ]);
    }
    expect(
      check('sms', { text: '{{ profile.name | append: "!" | prepend: "Hi " }} STOP' }),
    ).toEqual([]);
  });
});

describe('unknown fields', () => {
  it('warns about a misspelt built-in field with the closest name, where it is', () => {
    const issues = check('email', email(`Hi`, 'Welcome {{profile.nmae}}!'));
    expect(issues).toMatchObject([
      {
        severity: 'warning',
        code: 'template-unknown-field',
        field: 'subject',
        line: 1,
        column: 11,
        suggestion: 'profile.name',
      },
      { code: 'email-without-unsubscribe' },
    ]);
    expect(issues[0]?.message).toContain('did you mean `profile.name`?');
  });
  it('suggests custom fields and event properties from the profile set', () => {
    const issues = check(
      'push',
      { title: '{{ profile.custom.loyaltyTeir }}', body: '{{ event.ammount }}', deepLink: '' },
      set,
    );
    expect(issues.map((i) => i.suggestion)).toEqual(['profile.custom.loyaltyTier', 'event.amount']);
  });
  it('suggests the full path for a bare name, and stays silent without a close one', () => {
    expect(closestName('nmae', ['profile.id', 'profile.name'])).toBe('profile.name');
    expect(closestName('profile.zzzzzz', ['profile.name'])).toBeUndefined();
    const [issue] = check('sms', { text: 'Hi {{ first_nme }}, reply STOP to opt out' });
    expect(issue).toMatchObject({ code: 'template-unknown-field' });
  });
  it('accepts known fields, list properties, loop variables and assigned names', () => {
    const text =
      '{{ profile.id }} {{ profile.tags.size }} {% for t in profile.tags %}{{ t }}{% endfor %}{% assign x = 2 %}{{ x }} {{ profile.custom.loyaltyTier | default: "" }} {{ event.orderId | default: "" }} {{ journey.name }} STOP';
    expect(check('sms', { text }, set)).toEqual([]);
  });
  it('checks templates of a journey whose trigger event is named like a property of every object', () => {
    const hostile = templateContextFrom(
      [profile('p1', {}, [{ name: 'constructor', at: 1, props: { amount: 3 } }])],
      'Demo customers',
    );
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const text = '{{ event.amount }} {{ event.ammount }} STOP';
      const issues = check('sms', { text }, hostile, [name]);
      // Only the trigger 'constructor' is seen with an amount in the set.
      const unknown = issues.filter((i) => i.code === 'template-unknown-field');
      expect(unknown.map((i) => i.params?.['path'])).toEqual(
        name === 'constructor' ? ['event.ammount'] : ['event.amount', 'event.ammount'],
      );
    }
  });
  it('does not call custom fields or event properties unknown without a profile set', () => {
    expect(
      check('sms', { text: '{{ profile.custom.anything }} {{ event.whatever }} STOP' }),
    ).toEqual([]);
    expect(codes(check('sms', { text: '{{ profile.custom.anything }} STOP' }, set))).toEqual([
      'template-unknown-field',
    ]);
  });
});

describe('fields missing for some profiles', () => {
  it('warns with the share of profiles whose value is empty when there is no default', () => {
    const issues = check(
      'sms',
      { text: 'Hi {{ profile.name }}, your {{ profile.plan }} plan. STOP' },
      set,
    );
    expect(issues).toMatchObject([
      { code: 'template-missing-field', field: 'text', line: 1, column: 7 },
      { code: 'template-missing-field', field: 'text', line: 1, column: 32 },
    ]);
    expect(issues[0]?.message).toContain('25% of profiles in Demo customers (1 of 4)');
    expect(issues[1]?.message).toContain('25%');
  });
  it('takes event properties over the profiles that had the triggering event', () => {
    const [issue] = check('sms', { text: 'Order {{ event.orderId }} STOP' }, set);
    expect(issue?.message).toContain('50% of profiles in Demo customers (1 of 2)');
  });
  it('stays silent with a default, inside an if on the same field, or when every profile has it', () => {
    const texts = [
      'Hi {{ profile.name | default: "there" }} STOP',
      '{% if profile.name %}Hi {{ profile.name }}{% endif %} STOP',
      'Hi {{ profile.id }} STOP',
    ];
    for (const text of texts) expect(check('sms', { text }, set)).toEqual([]);
  });
});

describe('unsubscribe and opt-out', () => {
  it('warns about an email body without an unsubscribe link', () => {
    expect(codes(check('email', email('Hi there')))).toEqual(['email-without-unsubscribe']);
    expect(check('email', email(`Hi there${UNSUB}`))).toEqual([]);
  });
  it('does not ask for a link when the email uses a template of the email service', () => {
    expect(check('email', { ...email('Hi'), templateName: 'welcome-v2' })).toEqual([]);
  });
  it('warns about a marketing SMS without opt-out wording, not a transactional one', () => {
    expect(codes(check('sms', { text: '20% off today!' }))).toEqual(['sms-without-opt-out']);
    expect(check('sms', { text: '20% off today! Reply STOP to opt out' })).toEqual([]);
    expect(check('sms', { text: 'Your code is 1234', purpose: 'transactional' })).toEqual([]);
  });
});
