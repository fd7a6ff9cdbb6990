import {
  sequentialIds,
  TEMPLATES,
  type JourneyDocument,
  type JourneyStep,
} from '../../../src/domain/index';

/** The welcome-series template as journey `j-welcome`. */
export function welcomeJourney(): JourneyDocument {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (template === undefined) throw new Error('no welcome series');
  return { ...template.build(Date.parse('2025-01-01'), sequentialIds('s')), id: 'j-welcome' };
}

/**
 * The welcome series with its "Ordered yet?" step counting orders over the last `days` days
 * instead of ever: over 400, the mock backend warns that it does not keep events that long.
 */
export function welcomeLookingBack(days: number): JourneyDocument {
  const base = welcomeJourney();
  const lookingBack = (step: JourneyStep): JourneyStep => {
    const condition = step.config['condition'] as { rules: Record<string, unknown>[] };
    const rules = condition.rules.map((rule) => ({ ...rule, withinDays: days }));
    return { ...step, config: { ...step.config, condition: { ...condition, rules } } };
  };
  return { ...base, steps: base.steps.map((s) => (s.id === 'ordered-yet' ? lookingBack(s) : s)) };
}

const exitStep = (id: string, label: string): JourneyStep => ({
  id,
  kind: 'exit',
  label,
  config: { reason: label },
  position: { x: 0, y: 600 },
});

/**
 * Two editions of one journey: `before` had a step `legacy-exit`, a 3-day wait and a 10 % control
 * group; `after` drops that step, waits 2 days, has no control group and a new step `new-exit`.
 */
export function twoEditions(): { before: JourneyDocument; after: JourneyDocument } {
  const base = welcomeJourney();
  const before: JourneyDocument = {
    ...base,
    steps: [
      ...base.steps.map((s) =>
        s.id === 'wait-2-days' ? { ...s, config: { ...s.config, amount: 3 } } : s,
      ),
      exitStep('legacy-exit', 'Legacy exit'),
    ],
    settings: { ...base.settings, controlGroupPercent: 10 },
  };
  const after: JourneyDocument = {
    ...base,
    steps: [...base.steps, exitStep('new-exit', 'New exit')],
  };
  return { before, after };
}
