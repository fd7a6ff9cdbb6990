import { z } from 'zod';
import {
  connectionSchema,
  isStepKind,
  journeyStepSchema,
  type Connection,
  type IdGenerator,
  type JourneyStep,
  withStepReferences,
} from '../domain/index.ts';
import type { EditorState } from './editor-state.ts';
import type { Refusal } from './refusal.ts';

/** The clipboard format version; bump it with a migration when the shape changes. */
export const CLIPBOARD_VERSION = 1;

const envelopeSchema = z.object({
  wayfinderClipboard: z.literal(CLIPBOARD_VERSION),
  steps: z.array(journeyStepSchema).min(1),
  connections: z.array(connectionSchema),
});

/** Steps and the connections between them, as copied. */
export interface ClipboardContent {
  steps: JourneyStep[];
  connections: Connection[];
}

/** The selected steps and the connections whose both ends are selected, as clipboard JSON. */
export function serialiseSelection(state: EditorState): string | undefined {
  const ids = new Set(state.selection.stepIds);
  if (ids.size === 0) return undefined;
  const steps = state.document.steps.filter((s) => ids.has(s.id));
  const connections = state.document.connections.filter((c) => ids.has(c.from) && ids.has(c.to));
  return JSON.stringify({ wayfinderClipboard: CLIPBOARD_VERSION, steps, connections });
}

/** Reads clipboard text; anything that is not a Wayfinder envelope gives a readable reason. */
export interface ClipboardProblem extends Refusal {
  /** In English, for logs and tests. */
  error: string;
}

export function parseClipboard(text: string): ClipboardContent | ClipboardProblem {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      code: 'clipboard-not-json',
      error: 'The clipboard does not hold Wayfinder steps (it is not JSON).',
    };
  }
  if (typeof raw !== 'object' || raw === null || !('wayfinderClipboard' in raw)) {
    return { code: 'clipboard-not-steps', error: 'The clipboard does not hold Wayfinder steps.' };
  }
  if (raw.wayfinderClipboard !== CLIPBOARD_VERSION) {
    // As JSON, so an empty or blank version still shows as something ("").
    const version = JSON.stringify(raw.wayfinderClipboard);
    return {
      code: 'clipboard-other-version',
      error: `The clipboard holds steps from another Wayfinder version (${version}).`,
      values: { version },
    };
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) return damagedClipboard(parsed.error.issues[0]);
  const unknown = parsed.data.steps.find((s) => !isStepKind(s.kind));
  if (unknown !== undefined)
    return {
      code: 'clipboard-unknown-kind',
      error: `The copied step "${unknown.label}" has an unknown kind "${unknown.kind}".`,
      values: { label: unknown.label, kind: unknown.kind },
    };
  const ids = new Set(parsed.data.steps.map((s) => s.id));
  const connections = parsed.data.connections.filter((c) => ids.has(c.from) && ids.has(c.to));
  return { steps: parsed.data.steps, connections };
}

/**
 * Why an envelope failed its schema, naming the place when the issue has one: a problem at the
 * top level is worded without a place rather than with an empty one.
 */
export function damagedClipboard(
  issue: { path: readonly PropertyKey[]; message: string } | undefined,
): ClipboardProblem {
  const path = issue === undefined ? '' : issue.path.map(String).join('.');
  if (issue === undefined || path === '') {
    const detail = issue === undefined ? '' : `: ${issue.message}`;
    return { code: 'clipboard-damaged', error: `The copied steps are damaged${detail}.` };
  }
  return {
    code: 'clipboard-damaged-at',
    error: `The copied steps are damaged at ${path}: ${issue.message}.`,
    values: { path },
  };
}

/**
 * Gives pasted steps and connections fresh ids, keeping the connections between them and the
 * steps they name.
 */
export function reidentify(
  content: ClipboardContent,
  newId: IdGenerator,
  offset: { x: number; y: number },
): ClipboardContent {
  const map = new Map<string, string>();
  const steps = content.steps.map((s) => {
    const id = newId();
    map.set(s.id, id);
    return { ...s, id, position: { x: s.position.x + offset.x, y: s.position.y + offset.y } };
  });
  // A wait copied with the message it watches watches the pasted message; copied alone, the
  // message it watched.
  const pasted = steps.map((s) => withStepReferences(s, (id) => map.get(id) ?? id));
  const connections = content.connections.map((c) => ({
    id: newId(),
    from: map.get(c.from) as string,
    fromBranch: c.fromBranch,
    to: map.get(c.to) as string,
  }));
  return { steps: pasted, connections };
}
