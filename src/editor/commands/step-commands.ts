import {
  branchesOf,
  canConnect,
  getStepDefinition,
  type Connection,
  type JourneyDocument,
  type JourneyStep,
} from '../../domain/index.ts';
import {
  done,
  refuse,
  refuseWith,
  type Command,
  type CommandContext,
  type CommandRefused,
  type CommandResult,
} from '../command.ts';
import {
  EMPTY_SELECTION,
  isSelectionEmpty,
  withDocument,
  type EditorState,
} from '../editor-state.ts';
import { stepBranches } from '../step-info.ts';

export interface Point {
  x: number;
  y: number;
}

export interface AddStepArgs {
  kind: string;
  position: Point;
  label?: string;
  /** Splits this connection: its source now leads to the new step, which leads on to its target. */
  insertInto?: string;
  /** Connects a free branch of an existing step to the new step. */
  attachTo?: { from: string; branch: string };
}

function addConnection(
  doc: JourneyDocument,
  from: string,
  branch: string,
  to: string,
  context: CommandContext,
): JourneyDocument | CommandRefused {
  const verdict = canConnect(doc, from, branch, to);
  if (!verdict.ok) return refuseWith(verdict);
  const connection: Connection = { id: context.newId(), from, fromBranch: branch, to };
  return { ...doc, connections: [...doc.connections, connection] };
}

/** The horizontal distance from a step to the one it leads to when the editor places it. */
export const STEP_COLUMN = 320;
/** The vertical distance between a step and the next when the journey is drawn top to bottom. */
export const STEP_ROW = 200;

/** Every step reachable from `start`, excluding `stop` (so a loop back never moves its origin). */
function downstream(doc: JourneyDocument, start: string, stop: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (id === stop || seen.has(id)) continue;
    seen.add(id);
    for (const c of doc.connections) if (c.from === id) queue.push(c.to);
  }
  return seen;
}

/**
 * A step inserted into a connection gets a column (a row, when drawn top to bottom) of its own:
 * it goes at least one column past the source, and the steps from the old target onwards move
 * on when they would otherwise sit under it.
 */
function makeRoom(
  doc: JourneyDocument,
  from: string,
  to: string,
  step: JourneyStep,
): JourneyDocument {
  const source = doc.steps.find((s) => s.id === from);
  const target = doc.steps.find((s) => s.id === to);
  if (source === undefined || target === undefined) return doc;
  const axis = doc.layoutDirection === 'down' ? 'y' : 'x';
  const gap = axis === 'y' ? STEP_ROW : STEP_COLUMN;
  const along = Math.max(step.position[axis], source.position[axis] + gap);
  const shift = along + gap - target.position[axis];
  const moving = shift > 0 ? downstream(doc, to, from) : new Set<string>();
  const moved = (p: Point, by: number): Point => ({ ...p, [axis]: p[axis] + by });
  return {
    ...doc,
    steps: doc.steps.map((s) => {
      if (s.id === step.id) return { ...s, position: { ...s.position, [axis]: along } };
      if (!moving.has(s.id)) return s;
      return { ...s, position: moved(s.position, shift) };
    }),
  };
}

function placeStep(state: EditorState, args: AddStepArgs, context: CommandContext): CommandResult {
  const definition = getStepDefinition(args.kind);
  if (definition === undefined)
    return refuse('unknown-step-kind', `There is no step kind called "${args.kind}".`, {
      kind: args.kind,
    });
  const step: JourneyStep = {
    id: context.newId(),
    kind: definition.kind,
    label: args.label ?? definition.label,
    config: definition.defaultConfig() as Record<string, unknown>,
    position: { x: args.position.x, y: args.position.y },
  };
  let doc: JourneyDocument = { ...state.document, steps: [...state.document.steps, step] };
  if (args.insertInto !== undefined) {
    const old = doc.connections.find((c) => c.id === args.insertInto);
    if (old === undefined) return refuse('connection-gone', 'That connection no longer exists.');
    doc = { ...doc, connections: doc.connections.filter((c) => c !== old) };
    const into = addConnection(doc, old.from, old.fromBranch, step.id, context);
    if ('ok' in into) return into;
    doc = into;
    const first = stepBranches(step)[0];
    if (first !== undefined) {
      const onward = addConnection(doc, step.id, first.key, old.to, context);
      if ('ok' in onward) return onward;
      doc = onward;
    }
    doc = makeRoom(doc, old.from, old.to, step);
  } else if (args.attachTo !== undefined) {
    const attached = addConnection(doc, args.attachTo.from, args.attachTo.branch, step.id, context);
    if ('ok' in attached) return attached;
    doc = attached;
  }
  return done({ document: doc, selection: { stepIds: [step.id], connectionIds: [] } });
}

/** Adds a step of a kind, optionally inserted into a connection or attached to a free branch. */
export const addStep: Command<AddStepArgs> = {
  id: 'addStep',
  label: 'Add step',
  record: 'now',
  enabled: () => true,
  perform: placeStep,
};

export interface ConnectArgs {
  from: string;
  branch: string;
  to: string;
}

/** Draws an arrow from a branch to a step, unless the validator's `canConnect` refuses it. */
export const connect: Command<ConnectArgs> = {
  id: 'connect',
  label: 'Connect',
  record: 'now',
  enabled: (state) => state.document.steps.length > 1,
  perform(state, args, context) {
    const next = addConnection(state.document, args.from, args.branch, args.to, context);
    if ('ok' in next) return next;
    const added = next.connections[next.connections.length - 1] as Connection;
    return done({ document: next, selection: { stepIds: [], connectionIds: [added.id] } });
  },
};

/** Removes the selected steps (with their connections) and the selected connections. */
export const deleteSelection: Command<void> = {
  id: 'deleteSelection',
  label: 'Delete',
  description: 'Delete the selection',
  shortcuts: ['Delete', 'Backspace'],
  record: 'now',
  enabled: (state) => !isSelectionEmpty(state.selection),
  perform(state) {
    const steps = new Set(state.selection.stepIds);
    const connections = new Set(state.selection.connectionIds);
    const doc = state.document;
    return done({
      document: {
        ...doc,
        steps: doc.steps.filter((s) => !steps.has(s.id)),
        connections: doc.connections.filter(
          (c) => !connections.has(c.id) && !steps.has(c.from) && !steps.has(c.to),
        ),
      },
      selection: EMPTY_SELECTION,
    });
  },
};

export interface MoveStepsArgs {
  positions: Readonly<Record<string, Point>>;
}

/** Copy-on-write move: only steps whose position changes get a new object. */
export function moveInDocument(
  doc: JourneyDocument,
  positions: Readonly<Record<string, Point>>,
): JourneyDocument {
  let changed = false;
  const steps = doc.steps.map((s) => {
    const p = positions[s.id];
    if (p === undefined || (p.x === s.position.x && p.y === s.position.y)) return s;
    changed = true;
    return { ...s, position: { x: p.x, y: p.y } };
  });
  return changed ? { ...doc, steps } : doc;
}

/** Sets step positions; a drag dispatches it with `record: 'settle'` and settles at the drop. */
export const moveSteps: Command<MoveStepsArgs> = {
  id: 'moveSteps',
  label: 'Move',
  record: 'now',
  enabled: (state) => state.document.steps.length > 0,
  perform: (state, args) =>
    done(withDocument(state, moveInDocument(state.document, args.positions))),
};

export interface NudgeArgs {
  dx: number;
  dy: number;
}

/** Moves the selected steps by a few pixels (arrow keys). */
export const nudge: Command<NudgeArgs> = {
  id: 'nudge',
  label: 'Nudge',
  description: 'Move the selected steps (Ctrl/⌘ and an arrow; Shift for 10×)',
  shortcuts: [
    'Mod+ArrowUp',
    'Mod+ArrowDown',
    'Mod+ArrowLeft',
    'Mod+ArrowRight',
    'Shift+ArrowUp',
    'Shift+ArrowDown',
    'Shift+ArrowLeft',
    'Shift+ArrowRight',
  ],
  record: 'settle',
  enabled: (state) => state.selection.stepIds.length > 0,
  perform(state, args) {
    const selected = new Set(state.selection.stepIds);
    const positions: Record<string, Point> = {};
    for (const s of state.document.steps) {
      if (selected.has(s.id))
        positions[s.id] = { x: s.position.x + args.dx, y: s.position.y + args.dy };
    }
    return done(withDocument(state, moveInDocument(state.document, positions)), {
      coalesceKey: `nudge:${state.selection.stepIds.join(',')}`,
    });
  },
};

function updateStep(
  state: EditorState,
  stepId: string,
  change: (step: JourneyStep) => JourneyStep,
): JourneyDocument | undefined {
  const index = state.document.steps.findIndex((s) => s.id === stepId);
  const step = state.document.steps[index];
  if (step === undefined) return undefined;
  const steps = [...state.document.steps];
  steps[index] = change(step);
  return { ...state.document, steps };
}

export interface UpdateStepConfigArgs {
  stepId: string;
  config: Record<string, unknown>;
  /** The field being edited, e.g. `subject`; typing in one field settles into one history entry. */
  field?: string;
}

/** Replaces a step's config. Connections from branches that no longer exist are removed. */
export const updateStepConfig: Command<UpdateStepConfigArgs> = {
  id: 'updateStepConfig',
  label: 'Edit step',
  record: 'settle',
  enabled: (state) => state.document.steps.length > 0,
  perform(state, args) {
    const doc = updateStep(state, args.stepId, (s) => ({ ...s, config: args.config }));
    if (doc === undefined) return refuse('step-gone', 'That step no longer exists.');
    const step = doc.steps.find((s) => s.id === args.stepId) as JourneyStep;
    // A config that does not parse yet (mid-typing) keeps every arrow until it does.
    const branches = branchesOf(step);
    const keys = new Set((branches ?? []).map((b) => b.key));
    const orphaned =
      branches !== null &&
      doc.connections.some((c) => c.from === step.id && !keys.has(c.fromBranch));
    const cleaned = orphaned
      ? {
          ...doc,
          connections: doc.connections.filter((c) => c.from !== step.id || keys.has(c.fromBranch)),
        }
      : doc;
    return done(withDocument(state, cleaned), {
      coalesceKey: `config:${args.stepId}:${args.field ?? ''}`,
    });
  },
};

export interface UpdateStepLabelArgs {
  stepId: string;
  label: string;
}

/** Renames a step. */
export const updateStepLabel: Command<UpdateStepLabelArgs> = {
  id: 'updateStepLabel',
  label: 'Rename step',
  record: 'settle',
  enabled: (state) => state.document.steps.length > 0,
  perform(state, args) {
    const doc = updateStep(state, args.stepId, (s) => ({ ...s, label: args.label }));
    if (doc === undefined) return refuse('step-gone', 'That step no longer exists.');
    return done(withDocument(state, doc), { coalesceKey: `label:${args.stepId}` });
  },
};
