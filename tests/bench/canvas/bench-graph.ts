import {
  createJourney,
  getStepDefinition,
  type Connection,
  type JourneyDocument,
  type JourneyStep,
} from '../../../src/domain/index.ts';
import { stepBranches } from '../../../src/editor/index.ts';

/** Kinds cycled through after the trigger: a mix of one-way, two-way and split steps. */
const KINDS = [
  'email',
  'delay',
  'if_else',
  'sms',
  'wait_for_event',
  'random_split',
  'push',
  'update_profile',
];
export const COLUMNS = 40;
export const COLUMN_GAP = 320;
export const ROW_GAP = 200;

/** Where node `i` of the bench grid sits; both variants use the same places. */
export function gridPosition(i: number): { x: number; y: number } {
  return { x: (i % COLUMNS) * COLUMN_GAP, y: Math.floor(i / COLUMNS) * ROW_GAP };
}

/** A journey of `n` steps chained one after another over a grid. */
export function benchJourney(n: number): JourneyDocument {
  const doc = createJourney(`Bench ${n}`, 0, () => 'bench');
  const steps: JourneyStep[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i === 0 ? 'event' : (KINDS[(i - 1) % KINDS.length] as string);
    const definition = getStepDefinition(kind);
    if (definition === undefined) throw new Error(`unknown kind ${kind}`);
    steps.push({
      id: `s${i}`,
      kind,
      label: `${definition.label} ${i}`,
      config: definition.defaultConfig() as Record<string, unknown>,
      position: gridPosition(i),
    });
  }
  const connections: Connection[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const from = steps[i] as JourneyStep;
    const branch = stepBranches(from)[0];
    if (branch !== undefined)
      connections.push({ id: `c${i}`, from: from.id, fromBranch: branch.key, to: `s${i + 1}` });
  }
  return { ...doc, steps, connections };
}
