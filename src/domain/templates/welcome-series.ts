import { randomId } from '../journey/ids.ts';
import { SENDERS, eventCount, templateBuilder, type JourneyTemplate } from './template-builder.ts';

const meta = {
  id: 'welcome-series',
  name: 'Welcome series',
  description:
    'Greet new sign-ups, show them around, and nudge them to a first order with a welcome code.',
  lifecycleStage: 'first_contact',
} as const;

/** Sign-up → welcome email → 2 days → first-order check → welcome code → reminder. */
export const welcomeSeries: JourneyTemplate = {
  ...meta,
  build(now, newId = randomId) {
    const b = templateBuilder();
    b.step('signed-up', 'event', 'Signed up', { event: 'signed_up', propertyFilters: [] }, 0);
    b.step(
      'welcome-email',
      'email',
      'Welcome email',
      {
        subject: 'Welcome to Northwind, {{ profile.name | default: "friend" }}!',
        preheader: 'Three ways to get the most out of your account',
        body: 'Hi {{ profile.name | default: "there" }},\n\nThanks for joining Northwind. Here is how to get started:\n\n1. Tell us your size and style in your profile so we can tailor picks for you.\n2. Save favourites with the heart icon and we will tell you when they go on sale.\n3. Download the app for order tracking and members-only drops.\n\nSee you soon,\nThe Northwind team\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from: SENDERS.hello,
        templateName: '',
      },
      1,
    );
    b.step('wait-2-days', 'delay', 'Wait 2 days', { amount: 2, unit: 'days' }, 2);
    b.step(
      'ordered-yet',
      'if_else',
      'Ordered yet?',
      {
        condition: {
          type: 'group',
          op: 'and',
          rules: [eventCount('order_placed', 'at_least', 1, null)],
        },
      },
      3,
    );
    b.step(
      'already-customer',
      'exit',
      'Already a customer',
      { reason: 'Placed a first order' },
      4,
      -1,
    );
    b.step(
      'welcome-code',
      'email',
      'Welcome code',
      {
        subject: 'Your 10% welcome code is inside',
        preheader: 'Use WELCOME10 on your first order, valid for 7 days',
        body: 'Hi {{ profile.name | default: "there" }},\n\nAs a welcome gift, here is 10% off your first order. Use code WELCOME10 at checkout; it is valid for the next 7 days and works on everything, including new arrivals.\n\nHappy shopping,\nThe Northwind team\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from: SENDERS.hello,
        templateName: '',
      },
      4,
      1,
    );
    b.step('wait-5-days', 'delay', 'Wait 5 days', { amount: 5, unit: 'days' }, 5, 1);
    b.step(
      'code-reminder',
      'push',
      'Code reminder',
      {
        title: 'Your welcome code expires in 2 days',
        body: 'WELCOME10 still gives you 10% off your first order. Have a look at what is new.',
        deepLink: 'northwind://new-arrivals',
      },
      6,
      1,
    );
    b.link('signed-up', 'welcome-email');
    b.link('welcome-email', 'wait-2-days');
    b.link('wait-2-days', 'ordered-yet');
    b.link('ordered-yet', 'already-customer', 'yes');
    b.link('ordered-yet', 'welcome-code', 'no');
    b.link('welcome-code', 'wait-5-days');
    b.link('wait-5-days', 'code-reminder');
    return b.document(meta, now, newId, {
      goal: { event: 'order_placed', propertyFilters: [], windowDays: 14, endsJourney: true },
      exitCriteria: [{ event: 'account_deleted', propertyFilters: [] }],
      quietHours: { enabled: true, start: '21:00', end: '08:00', behaviour: 'defer' },
    });
  },
};
