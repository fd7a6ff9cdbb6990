import { randomId } from '../journey/ids.ts';
import type { ConditionGroup } from '../conditions/condition-schema.ts';
import { SENDERS, eventCount, templateBuilder, type JourneyTemplate } from './template-builder.ts';

const meta = {
  id: 'renewal-upsell',
  name: 'Renewal and up-sell',
  description:
    'A month before renewal, offer an upgrade to Basic members and thank Plus members; remind a week before.',
  lifecycleStage: 'renewal_cross_up_sell',
} as const;

function onPlan(plan: string): ConditionGroup {
  return {
    type: 'group',
    op: 'and',
    rules: [
      { type: 'attribute', attribute: 'plan', valueType: 'text', operator: 'equals', value: plan },
    ],
  };
}

/** 30 days before renewal → by plan → wait until 7 days before → renewed? → SMS reminder. */
export const renewalUpsell: JourneyTemplate = {
  ...meta,
  build(now, newId = randomId) {
    const b = templateBuilder();
    const from = SENDERS.club;
    b.step(
      'renewal-due',
      'date_attribute',
      '30 days before renewal',
      {
        attribute: 'custom.renewalDate',
        offsetDays: 30,
        direction: 'before',
        recurrence: 'yearly',
        localTime: '10:00',
      },
      0,
    );
    b.step(
      'plan',
      'multi_split',
      'Plan',
      {
        branches: [
          { key: 'basic', label: 'Basic', condition: onPlan('basic') },
          { key: 'plus', label: 'Plus', condition: onPlan('plus') },
        ],
      },
      1,
    );
    b.step(
      'upgrade-offer',
      'email',
      'Upgrade offer',
      {
        subject: 'Upgrade to Plus before you renew and get 2 months free',
        preheader: 'Free next-day delivery, early sale access and more',
        body: 'Hi {{ profile.name | default: "there" }},\n\nYour Northwind Club membership renews next month. Switch to Plus today and the first two months are on us: free next-day delivery, early access to every sale and double points on every order.\n\nUpgrade from your account page in one click.\n\nNorthwind Club\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from,
        templateName: '',
      },
      2,
      -1,
    );
    b.step(
      'plus-thanks',
      'email',
      'Thank you, Plus member',
      {
        subject: 'Thank you for a great year with Plus',
        preheader: 'Your renewal is coming up, and a gift for you',
        body: 'Hi {{ profile.name | default: "there" }},\n\nYour Plus membership renews next month. Thank you for being with us! As a thank-you, your next order ships with a free gift. Nothing to do: it is already in your account.\n\nNorthwind Club\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from,
        templateName: '',
      },
      2,
      0,
    );
    b.step(
      'renewal-notice',
      'email',
      'Renewal notice',
      {
        subject: 'Your membership renews next month',
        preheader: 'Check your details so nothing gets interrupted',
        body: 'Hi {{ profile.name | default: "there" }},\n\nA quick heads-up: your Northwind Club membership renews next month. Please check that your payment details are up to date in your account.\n\nNorthwind Club\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from,
        templateName: '',
      },
      2,
      1,
    );
    b.step(
      'week-before',
      'wait_until',
      '7 days before renewal',
      {
        until: {
          type: 'attribute',
          attribute: 'custom.renewalDate',
          offsetDays: -7,
          localTime: '10:00',
        },
      },
      3,
    );
    b.step(
      'renewed',
      'if_else',
      'Renewed already?',
      {
        condition: {
          type: 'group',
          op: 'and',
          rules: [eventCount('subscription_renewed', 'at_least', 1, 30)],
        },
      },
      4,
    );
    b.step('done', 'exit', 'Renewed', { reason: 'Renewed early' }, 5, -1);
    b.step(
      'reminder-sms',
      'sms',
      'Renewal reminder',
      {
        text: 'Northwind Club: your membership renews in 7 days. Manage it any time at nwnd.example/club Reply STOP to opt out',
      },
      5,
      1,
    );
    b.link('renewal-due', 'plan');
    b.link('plan', 'upgrade-offer', 'basic');
    b.link('plan', 'plus-thanks', 'plus');
    b.link('plan', 'renewal-notice', 'else');
    b.link('upgrade-offer', 'week-before');
    b.link('plus-thanks', 'week-before');
    b.link('renewal-notice', 'week-before');
    b.link('week-before', 'renewed');
    b.link('renewed', 'done', 'yes');
    b.link('renewed', 'reminder-sms', 'no');
    return b.document(meta, now, newId, {
      entry: { reentry: 'after_exit', maxActivePerProfile: 1 },
      goal: {
        event: 'subscription_renewed',
        propertyFilters: [],
        windowDays: 45,
        endsJourney: false,
      },
      exitCriteria: [{ event: 'subscription_cancelled', propertyFilters: [] }],
    });
  },
};
