import { randomId } from '../journey/ids.ts';
import { SENDERS, templateBuilder, type JourneyTemplate } from './template-builder.ts';

const meta = {
  id: 'birthday-offer',
  name: 'Birthday offer',
  description:
    'Send a birthday gift every year, and a reminder before it expires if it has not been used.',
  lifecycleStage: 'none',
} as const;

/** Birthday 09:00 → gift email → wait 10 days for a redemption → tag, or a push reminder. */
export const birthdayOffer: JourneyTemplate = {
  ...meta,
  build(now, newId = randomId) {
    const b = templateBuilder();
    b.step(
      'birthday',
      'date_attribute',
      'Birthday',
      {
        attribute: 'birthday',
        offsetDays: 0,
        direction: 'before',
        recurrence: 'yearly',
        localTime: '09:00',
      },
      0,
    );
    b.step(
      'gift',
      'email',
      'Birthday gift',
      {
        subject: 'Happy birthday, {{ profile.name | default: "friend" }}! A gift from us',
        preheader: '20% off anything, all month long',
        body: 'Happy birthday, {{ profile.name | default: "friend" }}!\n\nTo celebrate, here is 20% off anything you like with code BDAY20. It is valid for the next 14 days, online and in store.\n\nHave a wonderful day,\nThe Northwind team\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from: SENDERS.hello,
        templateName: '',
      },
      1,
    );
    b.step(
      'redeemed',
      'wait_for_event',
      'Gift used within 10 days?',
      {
        target: {
          type: 'event',
          event: 'order_placed',
          propertyFilters: [{ property: 'coupon', operator: 'equals', value: 'BDAY20' }],
        },
        timeout: { amount: 10, unit: 'days' },
      },
      2,
    );
    b.step(
      'tag-redeemed',
      'update_profile',
      'Tag gift used',
      {
        operations: [{ type: 'add_tag', tag: 'birthday_gift_used' }],
      },
      3,
      -1,
    );
    b.step(
      'reminder',
      'push',
      'Gift reminder',
      {
        title: 'Your birthday gift expires in 4 days',
        body: 'Treat yourself: BDAY20 still gives you 20% off anything.',
        deepLink: 'northwind://offers/birthday',
      },
      3,
      1,
    );
    b.link('birthday', 'gift');
    b.link('gift', 'redeemed');
    b.link('redeemed', 'tag-redeemed', 'happened');
    b.link('redeemed', 'reminder', 'timed_out');
    return b.document(meta, now, newId, {
      entry: { reentry: 'after_exit', maxActivePerProfile: 1 },
      quietHours: { enabled: true, start: '21:00', end: '08:00', behaviour: 'defer' },
    });
  },
};
