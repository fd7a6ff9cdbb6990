import {
  createJourney,
  getStepDefinition,
  type Connection,
  type JourneyDocument,
  type JourneyStep,
} from '../../src/domain/index.ts';
import { stepBranches } from '../../src/editor/index.ts';

/** The kinds repeated after the trigger, each with the name a marketer would give it. */
const PATTERN: readonly { kind: string; name: (n: number) => string }[] = [
  { kind: 'email', name: (n) => `Reminder ${n}` },
  { kind: 'delay', name: (n) => `Wait ${n}` },
  { kind: 'if_else', name: (n) => `Opened reminder ${n}?` },
  { kind: 'sms', name: (n) => `Nudge ${n}` },
  { kind: 'push', name: (n) => `Push ${n}` },
];
const COLUMNS = 10;

/**
 * A journey of `count` steps as a demanding marketer builds one: a trigger, then emails,
 * waits, conditions, SMS and pushes chained by their first branch, ten to a row. Step `i` has
 * the id `step-i`; the n-th email is "Reminder n".
 */
export function longJourney(count: number, id = 'long'): JourneyDocument {
  const doc = createJourney(`Long journey (${count} steps)`, Date.UTC(2026, 0, 2), () => id);
  const steps: JourneyStep[] = [];
  for (let i = 0; i < count; i++) {
    const part = PATTERN[(i - 1) % PATTERN.length];
    const kind = i === 0 ? 'event' : (part?.kind ?? 'email');
    const definition = getStepDefinition(kind);
    if (definition === undefined) throw new Error(`unknown kind ${kind}`);
    const round = Math.floor((i - 1) / PATTERN.length) + 1;
    steps.push({
      id: `step-${i}`,
      kind,
      label: i === 0 ? 'Signed up' : (part?.name(round) ?? `Step ${i}`),
      config: definition.defaultConfig() as Record<string, unknown>,
      position: { x: (i % COLUMNS) * 320, y: Math.floor(i / COLUMNS) * 220 },
    });
  }
  const connections: Connection[] = [];
  for (let i = 0; i + 1 < count; i++) {
    const from = steps[i] as JourneyStep;
    const branch = stepBranches(from)[0];
    if (branch !== undefined)
      connections.push({
        id: `arrow-${i}`,
        from: from.id,
        fromBranch: branch.key,
        to: `step-${i + 1}`,
      });
  }
  return { ...doc, id, steps, connections };
}
