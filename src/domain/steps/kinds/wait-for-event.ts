import { z } from 'zod';
import { propertyFiltersSchema } from '../../conditions/property-filter.ts';
import { durationMs, durationSchema, filled, MAX_DURATION_MS, required } from '../shared.ts';
import { defineStep } from '../step-definition.ts';
import type { StepPhrase } from '../step-phrase.ts';
import { OP } from '../../simulate/plan-step.ts';
import { eventMatcher } from '../../simulate/event-match.ts';
import { engagementEvent } from '../journey-events.ts';

const targetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('event'), event: z.string(), propertyFilters: propertyFiltersSchema }),
  z.object({
    type: z.literal('engagement'),
    /** A message step earlier in the journey. */
    stepId: z.string(),
    engagement: z.enum(['opened', 'clicked']),
  }),
]);

const configSchema = z.object({ target: targetSchema, timeout: durationSchema });
export type WaitForEventConfig = z.infer<typeof configSchema>;

/** Holds a profile until an event (or engagement with an earlier message) happens, or the timeout passes. */
export const waitForEventStep = defineStep(
  'wait_for_event',
  configSchema,
)({
  category: 'condition',
  label: 'Wait for event',
  icon: 'hourglass',
  defaultConfig: () => ({
    target: { type: 'event', event: '', propertyFilters: [] },
    timeout: { amount: 3, unit: 'days' },
  }),
  branches: () => [
    { key: 'happened', label: 'Happened', text: { id: 'step.wait_for_event.branch.happened' } },
    { key: 'timed_out', label: 'Timed out', text: { id: 'step.wait_for_event.branch.timed_out' } },
  ],
  renameStepReferences: (config, rename) => {
    const target = isObject(config) ? config['target'] : undefined;
    if (!isObject(target) || target['type'] !== 'engagement') return config;
    const stepId = target['stepId'];
    if (typeof stepId !== 'string') return config;
    return { ...(config as object), target: { ...target, stepId: rename(stepId) } };
  },
  summary: (c): StepPhrase => {
    const t = c.target;
    const duration = { duration: c.timeout };
    if (t.type === 'engagement') {
      return {
        id: 'step.wait_for_event.summary.engagement',
        values: { duration, engagement: t.engagement },
      };
    }
    if (!filled(t.event)) return { id: 'step.wait_for_event.summary.empty', values: { duration } };
    return t.propertyFilters.length === 0
      ? { id: 'step.wait_for_event.summary', values: { duration, event: t.event } }
      : {
          id: 'step.wait_for_event.summary.filtered',
          values: { duration, event: t.event, filters: { filters: t.propertyFilters } },
        };
  },
  validate: (c) => {
    const t = c.target;
    if (t.type === 'event' && !filled(t.event))
      return [required('target.event', 'Choose the event to wait for.', 'wait_event')];
    if (t.type === 'engagement' && !filled(t.stepId)) {
      return [required('target.stepId', 'Choose the message to watch.', 'watched_message')];
    }
    return [];
  },
  derived: {
    shape: { timeoutMs: z.number().positive().max(MAX_DURATION_MS) },
    compute: (c) => ({ timeoutMs: durationMs(c.timeout) }),
  },
  simulation: {
    op: OP.waitForEvent,
    plan: (target, step, ctx) => {
      target.durationMs = step.timeoutMs;
      const t = step.target;
      if (t.type === 'event') {
        target.waitMatch = eventMatcher(t.event, t.propertyFilters);
        target.waitEvent = t.event;
        target.waitByName = t.propertyFilters.length === 0;
        target.waitTarget = t.event;
        return;
      }
      const name = engagementEvent(ctx.channelOf(t.stepId) ?? 'email', t.engagement);
      const stepId = t.stepId;
      target.waitMatch = (e) => e.name === name && e.props?.['stepId'] === stepId;
      target.waitEvent = name;
      target.waitTarget = `${name} of "${ctx.labelOf(t.stepId) ?? stepId}"`;
      target.waitEngagement = {
        engagement: t.engagement,
        message: ctx.labelOf(t.stepId) ?? stepId,
      };
    },
  },
  waits: true,
  consumesEvents: (c) =>
    c.target.type === 'event' && filled(c.target.event) ? [c.target.event] : [],
});

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
