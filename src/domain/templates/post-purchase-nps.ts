import { randomId } from '../journey/ids.ts';
import type { ConditionGroup } from '../conditions/condition-schema.ts';
import type { PropertyFilter } from '../conditions/property-filter.ts';
import { SENDERS, eventCount, templateBuilder, type JourneyTemplate } from './template-builder.ts';

const meta = {
  id: 'post-purchase-nps',
  name: 'Post-purchase NPS',
  description:
    'Ask for a 0–10 score after delivery, then thank promoters, learn from passives and rescue detractors.',
  lifecycleStage: 'after_sales_service',
} as const;

/** The answer that just arrived: an `nps_response` in the last day with the given score filter. */
function answered(filter: PropertyFilter): ConditionGroup {
  return {
    type: 'group',
    op: 'and',
    rules: [eventCount('nps_response', 'at_least', 1, 1, [filter])],
  };
}

/** Delivered → 3 days → NPS → promoter (9–10) / passive (7–8) / detractor (0–6). */
export const postPurchaseNps: JourneyTemplate = {
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
    b.step('wait-3-days', 'delay', 'Wait 3 days', { amount: 3, unit: 'days' }, 1);
    b.step(
      'survey',
      'nps_survey',
      'NPS survey',
      {
        channel: 'email',
        question: 'How likely are you to recommend Northwind to a friend or colleague?',
      },
      2,
    );
    b.step(
      'wait-answer',
      'wait_for_event',
      'Answered within 5 days?',
      {
        target: { type: 'event', event: 'nps_response', propertyFilters: [] },
        timeout: { amount: 5, unit: 'days' },
      },
      3,
    );
    b.step('no-answer', 'exit', 'No answer', { reason: 'Did not answer the survey' }, 4, 2);
    b.step(
      'score',
      'multi_split',
      'Score',
      {
        branches: [
          {
            key: 'promoter',
            label: 'Promoter (9–10)',
            condition: answered({ property: 'score', operator: 'gte', value: 9 }),
          },
          {
            key: 'passive',
            label: 'Passive (7–8)',
            condition: answered({ property: 'score', operator: 'gte', value: 7 }),
          },
          {
            key: 'detractor',
            label: 'Detractor (0–6)',
            condition: answered({ property: 'score', operator: 'lte', value: 6 }),
          },
        ],
      },
      4,
      -1,
    );
    b.step(
      'review-ask',
      'email',
      'Ask for a review',
      {
        subject: 'Thank you! Would you share that on a review?',
        preheader: 'It takes a minute and helps other shoppers',
        body: 'Hi {{ profile.name | default: "there" }},\n\nWe are thrilled you would recommend us. Would you spare a minute to write a short review? Honest reviews help other shoppers choose with confidence.\n\nAs a thank-you, you will get early access to our next sale.\n\nThe Northwind team\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from,
        templateName: '',
      },
      5,
      -3,
    );
    b.step(
      'tag-promoter',
      'update_profile',
      'Tag promoter',
      { operations: [{ type: 'add_tag', tag: 'promoter' }] },
      6,
      -3,
    );
    b.step(
      'passive-ask',
      'email',
      'What would make it a 10?',
      {
        subject: 'What would make it a 10?',
        preheader: 'One question, and we read every answer',
        body: 'Hi {{ profile.name | default: "there" }},\n\nThanks for your score. What is the one thing we could do better next time? Just reply to this email; it goes straight to our customer team.\n\nThe Northwind team\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from,
        templateName: '',
      },
      5,
      -1,
    );
    b.step(
      'detractor-apology',
      'email',
      'We are sorry',
      {
        subject: 'We are sorry we let you down',
        preheader: 'A member of our team will call you',
        body: 'Hi {{ profile.name | default: "there" }},\n\nThank you for telling us honestly how we did. We are sorry your experience fell short. Someone from our customer team will call you within two working days to put things right.\n\nThe Northwind team\n\nUnsubscribe: {{ journey.unsubscribe_url }}',
        from,
        templateName: '',
      },
      5,
      1,
    );
    b.step(
      'detractor-call',
      'call_centre_task',
      'Call detractor',
      {
        queue: 'Customer care',
        priority: 'high',
        script:
          'Thank them for the feedback, ask what went wrong with the order, and offer a replacement, refund or 15% voucher. Log the root cause.',
      },
      6,
      1,
    );
    b.step('no-score', 'exit', 'No score', { reason: 'Answer without a score' }, 5, 3);
    b.link('delivered', 'wait-3-days');
    b.link('wait-3-days', 'survey');
    b.link('survey', 'wait-answer');
    b.link('wait-answer', 'score', 'happened');
    b.link('wait-answer', 'no-answer', 'timed_out');
    b.link('score', 'review-ask', 'promoter');
    b.link('review-ask', 'tag-promoter');
    b.link('score', 'passive-ask', 'passive');
    b.link('score', 'detractor-apology', 'detractor');
    b.link('detractor-apology', 'detractor-call');
    b.link('score', 'no-score', 'else');
    return b.document(meta, now, newId, {
      entry: { reentry: 'after_cooldown', cooldownDays: 90, maxActivePerProfile: 1 },
    });
  },
};
