import { randomId } from '../journey/ids.ts';
import { SENDERS, eventCount, templateBuilder, type JourneyTemplate } from './template-builder.ts';

const meta = {
  id: 'win-back',
  name: 'Win-back',
  description:
    'Every week, reach customers who have not ordered for 90 days with an offer, then test a second touch.',
  lifecycleStage: 'win_back',
} as const;

/** Weekly lapsed audience → offer email → 7 days → A/B: SMS or a postcard. */
export const winBack: JourneyTemplate = {
  ...meta,
  build(now, newId = randomId) {
    const b = templateBuilder();
    const firstRun = new Date(now + 86_400_000).toISOString().slice(0, 10);
    b.step(
      'lapsed',
      'scheduled_audience',
      'Lapsed customers',
      {
        at: `${firstRun}T09:00:00.000Z`,
        recurrence: 'weekly',
        audience: {
          type: 'group',
          op: 'and',
          rules: [
            eventCount('order_placed', 'at_least', 1, null),
            eventCount('order_placed', 'exactly', 0, 90),
            { type: 'reachable', channel: 'email' },
          ],
        },
      },
      0,
    );
    b.step(
      'we-miss-you',
      'email',
      'We miss you',
      {
        subject: 'We miss you, {{ profile.name | default: "friend" }}. Here is 15% off',
        preheader: 'Come back and see what is new this season',
        body: 'Hi {{ profile.name | default: "there" }},\n\nIt has been a while! A lot has changed since your last visit: new collections, faster delivery and free returns.\n\nHere is 15% off your next order with code COMEBACK15, valid for 14 days.\n\nThe Northwind team\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from: SENDERS.hello,
        templateName: '',
      },
      1,
    );
    b.step(
      'wait-order',
      'wait_for_event',
      'Ordered within 7 days?',
      {
        target: { type: 'event', event: 'order_placed', propertyFilters: [] },
        timeout: { amount: 7, unit: 'days' },
      },
      2,
    );
    b.step('won-back', 'exit', 'Won back', { reason: 'Ordered again' }, 3, -1);
    b.step(
      'second-touch',
      'random_split',
      'Second touch test',
      {
        variants: [
          { key: 'sms', label: 'SMS', percent: 50 },
          { key: 'postcard', label: 'Postcard', percent: 50 },
        ],
      },
      3,
      1,
    );
    b.step(
      'last-chance-sms',
      'sms',
      'Last chance SMS',
      {
        text: 'Northwind: 20% off ends Sunday with COMEBACK20. We would love to see you again: nwnd.example/new Reply STOP to opt out',
      },
      4,
      0,
    );
    b.step(
      'postcard',
      'direct_mail',
      'Postcard',
      {
        offer: '20% off your next order with COMEBACK20, valid for 30 days online and in store',
        channel: 'mail',
        cost: 0.85,
      },
      4,
      2,
    );
    b.link('lapsed', 'we-miss-you');
    b.link('we-miss-you', 'wait-order');
    b.link('wait-order', 'won-back', 'happened');
    b.link('wait-order', 'second-touch', 'timed_out');
    b.link('second-touch', 'last-chance-sms', 'sms');
    b.link('second-touch', 'postcard', 'postcard');
    return b.document(meta, now, newId, {
      entry: { reentry: 'after_cooldown', cooldownDays: 90, maxActivePerProfile: 1 },
      goal: { event: 'order_placed', propertyFilters: [], windowDays: 30, endsJourney: true },
      controlGroupPercent: 10,
      frequencyCap: {
        enabled: true,
        max: 3,
        periodDays: 7,
        perChannel: { sms: { max: 1, periodDays: 7 } },
      },
    });
  },
};
