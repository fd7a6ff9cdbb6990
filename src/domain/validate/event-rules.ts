import { JOURNEY_EVENT_NAMES, engagementEvent, type Engagement } from '../steps/journey-events.ts';
import { reachingTo } from '../journey/graph.ts';
import type { WaitForEventConfig } from '../steps/kinds/wait-for-event.ts';
import type { Analysis } from './analysis.ts';

function producedBy(a: Analysis, stepIds: Iterable<string>): Set<string> {
  const events = new Set<string>();
  for (const id of stepIds) {
    const def = a.definitions.get(id);
    const config = a.configs.get(id);
    if (def?.producesEvents === undefined || !a.configs.has(id)) continue;
    for (const e of def.producesEvents(config)) events.add(e);
  }
  return events;
}

function unproducible(event: string): string {
  return `Only a journey step can make "${event}" happen, and no step here does, so this never happens.`;
}

/**
 * Waits, goals and exit rules on events only a journey step produces (survey answers, message
 * engagement) when no step that produces them comes first; and engagement waits on a step that
 * is not a message.
 */
export function checkEvents(a: Analysis): void {
  const out = a.diagnostics;
  const everywhere = producedBy(a, a.steps.keys());
  const settings = a.doc.settings;
  const goal = settings.goal;
  if (goal !== null && JOURNEY_EVENT_NAMES.has(goal.event) && !everywhere.has(goal.event)) {
    out.push({
      severity: 'warning',
      code: 'unproducible-event',
      message: unproducible(goal.event),
      params: { why: 'never', event: goal.event, step: '' },
      field: 'settings.goal.event',
      fieldKeys: ['goal', 'event'],
    });
  }
  settings.exitCriteria.forEach((rule, i) => {
    if (JOURNEY_EVENT_NAMES.has(rule.event) && !everywhere.has(rule.event)) {
      out.push({
        severity: 'warning',
        code: 'unproducible-event',
        message: unproducible(rule.event),
        params: { why: 'never', event: rule.event, step: '' },
        field: `settings.exitCriteria.${i}.event`,
        fieldKeys: ['exitCriteria', i, 'event'],
      });
    }
  });
  for (const [id, def] of a.definitions) {
    if (def.kind !== 'wait_for_event' || !a.configs.has(id)) continue;
    const target = (a.configs.get(id) as WaitForEventConfig).target;
    const before = reachingTo(a.graph, id);
    before.delete(id);
    if (target.type === 'event') {
      if (JOURNEY_EVENT_NAMES.has(target.event) && !producedBy(a, before).has(target.event)) {
        out.push({
          severity: 'warning',
          code: 'unproducible-event',
          message: unproducible(target.event),
          params: { why: 'never', event: target.event, step: '' },
          stepId: id,
          field: 'target.event',
        });
      }
      continue;
    }
    if (target.stepId === '') continue;
    checkEngagement(a, id, target.stepId, target.engagement, before);
  }
}

function checkEngagement(
  a: Analysis,
  waitId: string,
  messageId: string,
  engagement: Engagement,
  before: Set<string>,
): void {
  const message = a.steps.get(messageId);
  const def = a.definitions.get(messageId);
  const config = a.configs.get(messageId);
  const channel =
    def?.channel !== undefined && a.configs.has(messageId) ? def.channel(config) : undefined;
  if (message === undefined || channel === undefined) {
    a.diagnostics.push({
      severity: 'error',
      code: 'invalid-engagement-step',
      message: 'The message to watch is missing or is not a message step.',
      params: { why: 'missing', step: '', engagement },
      stepId: waitId,
      field: 'target.stepId',
    });
    return;
  }
  if (!(def?.producesEvents?.(config) ?? []).includes(engagementEvent(channel, engagement))) {
    a.diagnostics.push({
      severity: 'error',
      code: 'invalid-engagement-step',
      message: `"${message.label}" cannot be ${engagement}: its channel does not report that.`,
      params: { why: 'channel', step: message.label, engagement },
      stepId: waitId,
      field: 'target.engagement',
    });
    return;
  }
  if (!before.has(messageId)) {
    a.diagnostics.push({
      severity: 'warning',
      code: 'unproducible-event',
      message: `"${message.label}" does not come before this wait, so people here will not have received it.`,
      params: { why: 'not_before', event: '', step: message.label },
      stepId: waitId,
      field: 'target.stepId',
    });
  }
}
