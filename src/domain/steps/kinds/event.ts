import { z } from 'zod';
import { propertyFiltersSchema } from '../../conditions/property-filter.ts';
import { filled, required } from '../shared.ts';
import { defineStep, NEXT_BRANCH } from '../step-definition.ts';
import type { StepPhrase } from '../step-phrase.ts';
import { OP } from '../../simulate/plan-step.ts';
import type { ProfileEvent } from '../../profiles/profile.ts';
import { eventMatcher, firstAfter, firstAtOrAfter } from '../../simulate/event-match.ts';
import { AFTER_EVENTS } from '../../simulate/trigger-plan.ts';

const configSchema = z.object({
  /** The event name, e.g. `order_placed`. */
  event: z.string(),
  propertyFilters: propertyFiltersSchema,
});
export type EventTriggerConfig = z.infer<typeof configSchema>;

/** Enters a profile when it performs an event. */
export const eventTrigger = defineStep(
  'event',
  configSchema,
)({
  category: 'trigger',
  label: 'Event',
  icon: 'zap',
  defaultConfig: () => ({ event: '', propertyFilters: [] }),
  branches: () => [...NEXT_BRANCH],
  summary: (c): StepPhrase => {
    if (!filled(c.event)) return { id: 'step.event.summary.empty' };
    return c.propertyFilters.length === 0
      ? { id: 'step.event.summary', values: { event: c.event } }
      : {
          id: 'step.event.summary.filtered',
          values: { event: c.event, filters: { filters: c.propertyFilters } },
        };
  },
  simulation: {
    op: OP.trigger,
    trigger: (step) => {
      const match = eventMatcher(step.event, step.propertyFilters);
      return {
        stepId: step.id,
        perEvent: true,
        event: { name: step.event, match: step.propertyFilters.length === 0 ? null : match },
        nextAt(state, after, afterSeq, _start, end) {
          // Real events only (spec §7.1): the profile's own history, whose order is the sequence.
          const events = state.profile.events;
          let i =
            afterSeq === AFTER_EVENTS ? firstAfter(events, after) : firstAtOrAfter(events, after);
          if (afterSeq >= i && afterSeq !== AFTER_EVENTS) i = afterSeq + 1;
          for (; i < events.length; i++) {
            const e = events[i] as ProfileEvent;
            if (e.at >= end) return Number.POSITIVE_INFINITY;
            if (match(e)) {
              state.firedSeq = i;
              return e.at;
            }
          }
          return Number.POSITIVE_INFINITY;
        },
        describe: () => `entered on ${step.event}`,
        why: { code: 'entered.event', values: { event: step.event } },
      };
    },
  },
  validate: (c) =>
    filled(c.event)
      ? []
      : [required('event', 'Choose the event that starts the journey.', 'trigger_event')],
});
