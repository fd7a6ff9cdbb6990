import type { JourneyDocument } from '../domain/index.ts';

/** What is selected on the canvas: ids of steps and of connections. */
export interface Selection {
  readonly stepIds: readonly string[];
  readonly connectionIds: readonly string[];
}

/** The editor's whole state: the journey being edited and the selection. Never mutated. */
export interface EditorState {
  readonly document: JourneyDocument;
  readonly selection: Selection;
}

export const EMPTY_SELECTION: Selection = Object.freeze({ stepIds: [], connectionIds: [] });

/** A fresh editor state for a loaded document, nothing selected. */
export function createEditorState(document: JourneyDocument): EditorState {
  return { document, selection: EMPTY_SELECTION };
}

/** Whether nothing is selected. */
export function isSelectionEmpty(selection: Selection): boolean {
  return selection.stepIds.length === 0 && selection.connectionIds.length === 0;
}

/** Whether two selections hold the same ids in the same order. */
export function sameSelection(a: Selection, b: Selection): boolean {
  return sameIds(a.stepIds, b.stepIds) && sameIds(a.connectionIds, b.connectionIds);
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Drops ids that no longer exist in the document (after undo, delete or a remote change). */
export function pruneSelection(document: JourneyDocument, selection: Selection): Selection {
  const steps = new Set(document.steps.map((s) => s.id));
  const connections = new Set(document.connections.map((c) => c.id));
  const stepIds = selection.stepIds.filter((id) => steps.has(id));
  const connectionIds = selection.connectionIds.filter((id) => connections.has(id));
  if (
    stepIds.length === selection.stepIds.length &&
    connectionIds.length === selection.connectionIds.length
  ) {
    return selection;
  }
  return { stepIds, connectionIds };
}

/** Replaces the document, keeping the selection object when it still fits. */
export function withDocument(state: EditorState, document: JourneyDocument): EditorState {
  return { document, selection: pruneSelection(document, state.selection) };
}
