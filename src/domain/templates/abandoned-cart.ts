import { randomId } from '../journey/ids.ts';
import type { WaitForEventConfig } from '../steps/kinds/wait-for-event.ts';
import { SENDERS, templateBuilder, type JourneyTemplate } from './template-builder.ts';

const meta = {
  id: 'abandoned-cart',
  name: 'Abandoned cart',
  description:
    'Remind shoppers about the cart they left, then follow up once more before it expires.',
  lifecycleStage: 'first_purchase',
} as const;

function orderPlaced(): WaitForEventConfig['target'] {
  return { type: 'event', event: 'order_placed', propertyFilters: [] };
}

/** Cart abandoned → wait 2 h for an order → reminder email → wait 1 day → SMS or push → time-out. */
export const abandonedCart: JourneyTemplate = {
  ...meta,
  build(now, newId = randomId) {
    const b = templateBuilder();
    b.step(
      'cart-abandoned',
      'event',
      'Cart abandoned',
      {
        event: 'cart_abandoned',
        propertyFilters: [{ property: 'cartValue', operator: 'gt', value: 0 }],
      },
      0,
    );
    b.step(
      'wait-for-order',
      'wait_for_event',
      'Order within 2 hours?',
      { target: orderPlaced(), timeout: { amount: 2, unit: 'hours' } },
      1,
    );
    b.step('bought-quickly', 'exit', 'Bought', { reason: 'Completed the purchase' }, 2, -1);
    b.step(
      'cart-reminder',
      'email',
      'Cart reminder',
      {
        subject: 'You left something in your cart',
        preheader: 'We saved your items, but not for long',
        body: 'Hi {{ profile.name | default: "there" }},\n\nYour cart is still waiting for you. Items sell out fast, so we have kept them aside for 24 hours.\n\nComplete your order now and delivery is free on orders over €50.\n\nThe Northwind team\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from: SENDERS.hello,
        templateName: '',
      },
      2,
      1,
    );
    b.step(
      'wait-after-reminder',
      'wait_for_event',
      'Order within a day?',
      { target: orderPlaced(), timeout: { amount: 1, unit: 'days' } },
      3,
      1,
    );
    b.step(
      'bought-after-reminder',
      'exit',
      'Bought after reminder',
      { reason: 'Completed the purchase' },
      4,
      0,
    );
    b.step(
      'sms-reachable',
      'if_else',
      'Can we text them?',
      {
        condition: { type: 'group', op: 'and', rules: [{ type: 'reachable', channel: 'sms' }] },
      },
      4,
      2,
    );
    b.step(
      'last-call-sms',
      'sms',
      'Last call SMS',
      {
        text: 'Northwind: your cart expires tonight. Use CART10 for 10% off: nwnd.example/cart Reply STOP to opt out',
      },
      5,
      1,
    );
    b.step(
      'last-call-push',
      'push',
      'Last call push',
      {
        title: 'Your cart expires tonight',
        body: 'Take 10% off with CART10 before your items go back on the shelf.',
        deepLink: 'northwind://cart',
      },
      5,
      3,
    );
    b.step(
      'final-wait',
      'wait_for_event',
      'Order within 2 days?',
      { target: orderPlaced(), timeout: { amount: 2, unit: 'days' } },
      6,
      2,
    );
    b.step('recovered', 'exit', 'Recovered', { reason: 'Completed the purchase' }, 7, 1);
    b.step(
      'timed-out',
      'exit',
      'Cart expired',
      { reason: 'No order after the last reminder' },
      7,
      3,
    );
    b.link('cart-abandoned', 'wait-for-order');
    b.link('wait-for-order', 'bought-quickly', 'happened');
    b.link('wait-for-order', 'cart-reminder', 'timed_out');
    b.link('cart-reminder', 'wait-after-reminder');
    b.link('wait-after-reminder', 'bought-after-reminder', 'happened');
    b.link('wait-after-reminder', 'sms-reachable', 'timed_out');
    b.link('sms-reachable', 'last-call-sms', 'yes');
    b.link('sms-reachable', 'last-call-push', 'no');
    b.link('last-call-sms', 'final-wait');
    b.link('last-call-push', 'final-wait');
    b.link('final-wait', 'recovered', 'happened');
    b.link('final-wait', 'timed-out', 'timed_out');
    return b.document(meta, now, newId, {
      entry: { reentry: 'after_cooldown', cooldownDays: 7, maxActivePerProfile: 1 },
      goal: { event: 'order_placed', propertyFilters: [], windowDays: 7, endsJourney: true },
      exitCriteria: [{ event: 'cart_cleared', propertyFilters: [] }],
      quietHours: { enabled: true, start: '21:00', end: '08:00', behaviour: 'defer' },
    });
  },
};
