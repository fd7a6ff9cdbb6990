import { randomId } from '../journey/ids.ts';
import { SENDERS, eventCount, templateBuilder, type JourneyTemplate } from './template-builder.ts';

const meta = {
  id: 'delivery-follow-up',
  name: 'Delivery follow-up',
  description:
    'Check every delivery: celebrate the good ones, apologise fast and call when it went wrong.',
  lifecycleStage: 'delivery_follow_up',
} as const;

/** Delivered → on time and complete? → care tips, or apology + call-centre task + tag. */
export const deliveryFollowUp: JourneyTemplate = {
  ...meta,
  build(now, newId = randomId) {
    const b = templateBuilder();
    const from = SENDERS.care;
    b.step(
      'delivered',
      'event',
      'Order delivered',
      { event: 'order_delivered', propertyFilters: [] },
      0,
    );
    b.step(
      'on-time',
      'if_else',
      'On time and complete?',
      {
        condition: {
          type: 'group',
          op: 'and',
          rules: [
            eventCount('order_delivered', 'at_least', 1, 1, [
              { property: 'onTime', operator: 'equals', value: true },
              { property: 'complete', operator: 'equals', value: true },
            ]),
          ],
        },
      },
      1,
    );
    b.step(
      'enjoy',
      'email',
      'Enjoy your order',
      {
        subject: 'Your order has arrived. Enjoy!',
        preheader: 'A few tips to make it last',
        body: 'Hi {{ profile.name | default: "there" }},\n\nYour Northwind order was delivered today. To keep it looking its best, wash at 30°C and dry flat. Need a different size? Returns are free for 30 days from your account page.\n\nThe Northwind team\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from,
        templateName: '',
      },
      2,
      -1,
    );
    b.step(
      'apology',
      'email',
      'Delivery apology',
      {
        subject: 'We are sorry about your delivery',
        preheader: 'Here is €10 off, and we are on it',
        body: 'Hi {{ profile.name | default: "there" }},\n\nYour order did not arrive the way it should have, and we are sorry. We have added a €10 voucher (SORRY10) to your account, and our delivery team will contact you today to fix it.\n\nThe Northwind team\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from,
        templateName: '',
      },
      2,
      1,
    );
    b.step(
      'call',
      'call_centre_task',
      'Call about delivery',
      {
        queue: 'Delivery issues',
        priority: 'high',
        script:
          'Apologise for the late or incomplete delivery, confirm what is missing or damaged, and arrange a resend or refund. Mention the SORRY10 voucher.',
      },
      3,
      1,
    );
    b.step(
      'tag-issue',
      'update_profile',
      'Tag delivery issue',
      {
        operations: [
          { type: 'add_tag', tag: 'delivery_issue' },
          { type: 'set_attribute', attribute: 'custom.lastDeliveryIssue', value: 'open' },
        ],
      },
      4,
      1,
    );
    b.link('delivered', 'on-time');
    b.link('on-time', 'enjoy', 'yes');
    b.link('on-time', 'apology', 'no');
    b.link('apology', 'call');
    b.link('call', 'tag-issue');
    return b.document(meta, now, newId, {
      entry: { reentry: 'after_exit', maxActivePerProfile: 1 },
    });
  },
};
