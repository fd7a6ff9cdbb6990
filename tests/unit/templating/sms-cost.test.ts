import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/domain/index.ts';
import { smsPartCounter } from '../../../src/domain/templating/render-message.ts';
import { at, event, person, QUIET_BEHAVIOUR, specOf } from '../simulate/helpers.ts';
import { JOURNEY, profile } from './fixtures.ts';

const reachable = { phone: '+440000', consent: { sms: true } };

function smsCost(text: string) {
  const spec = specOf(
    [
      ['t', 'event', event('order_placed')],
      ['s', 'sms', { text }],
    ],
    [['t', 'next', 's']],
  );
  const profiles = [
    person('short', [['order_placed', '2024-01-02T10:00:00Z', { orderId: 'A1' }]], {
      ...reachable,
      name: 'Al',
    }),
    person('long', [['order_placed', '2024-01-02T10:00:00Z', { orderId: 'B2' }]], {
      ...reachable,
      name: 'Bartholomew-Maximilian Fotheringham-Smythe',
    }),
  ];
  const result = simulate(spec, profiles, {
    seed: 1,
    start: at('2024-01-01T00:00:00Z'),
    horizonDays: 10,
    behaviour: { ...QUIET_BEHAVIOUR, sms: { ...QUIET_BEHAVIOUR?.sms, costPerSend: 0.05 } },
  });
  return {
    sent: result.channels.sms.sent,
    units: result.steps['s']?.units,
    cost: result.channels.sms.cost,
  };
}

describe('SMS cost per rendered part', () => {
  it('bills one part per profile for a short GSM-7 text', () => {
    expect(
      smsCost('Hi {{ profile.name }}, order {{ event.orderId }} shipped. Reply STOP to opt out'),
    ).toEqual({
      sent: 2,
      units: 2,
      cost: 0.1,
    });
  });

  it('bills the parts of each profile’s own text: an emoji makes UCS-2, a long name splits', () => {
    // UCS-2 holds 70 units in one part: Al's text fits, the long name's takes two parts.
    const text = 'Hi {{ profile.name }}, your order {{ event.orderId }} has shipped 🎉 Reply STOP';
    expect(smsCost(text)).toEqual({ sent: 2, units: 3, cost: 0.15 });
  });

  it('renders once per distinct set of values the template reads', () => {
    const count = smsPartCounter('{{ profile.name }} {{ "x" | append: profile.plan }}', JOURNEY);
    const ann = profile('a', { name: 'Ann' });
    expect(count(ann, undefined)).toBe(1);
    expect(count(profile('b', { name: 'x'.repeat(200) }), undefined)).toBe(2);
    expect(count(profile('c', { name: 'Ann' }), undefined)).toBe(1);
  });
});
