import { done, refuse, type Command } from '../command.ts';
import {
  parseClipboard,
  reidentify,
  serialiseSelection,
  type ClipboardContent,
} from '../clipboard.ts';
import type { EditorState } from '../editor-state.ts';
import type { Point } from './step-commands.ts';

/** How far a paste without a target point, or a duplicate, lands from the original. */
export const PASTE_OFFSET = 40;

function insert(state: EditorState, content: ClipboardContent): EditorState {
  const doc = state.document;
  return {
    document: {
      ...doc,
      steps: [...doc.steps, ...content.steps],
      connections: [...doc.connections, ...content.connections],
    },
    selection: { stepIds: content.steps.map((s) => s.id), connectionIds: [] },
  };
}

/** Puts the selected steps on the clipboard as versioned JSON (the `output`); the state is unchanged. */
export const copySelection: Command<void> = {
  id: 'copySelection',
  label: 'Copy',
  description: 'Copy the selected steps',
  shortcuts: ['Mod+C'],
  record: 'never',
  enabled: (state) => state.selection.stepIds.length > 0,
  perform(state) {
    const text = serialiseSelection(state);
    if (text === undefined) return refuse('nothing-to-copy', 'Select one or more steps to copy.');
    return done(state, { output: text });
  },
};

export interface PasteArgs {
  text: string;
  /** Where the top-left of the pasted group lands; without it, next to the originals. */
  at?: Point;
}

/** Adds copied steps with new ids, keeping their internal connections, and selects them. */
export const paste: Command<PasteArgs> = {
  id: 'paste',
  label: 'Paste',
  description: 'Paste steps',
  shortcuts: ['Mod+V'],
  record: 'now',
  enabled: () => true,
  perform(state, args, context) {
    const content = parseClipboard(args.text);
    if ('error' in content) return refuse(content.code, content.error, content.values);
    let offset = { x: PASTE_OFFSET, y: PASTE_OFFSET };
    if (args.at !== undefined) {
      const left = Math.min(...content.steps.map((s) => s.position.x));
      const top = Math.min(...content.steps.map((s) => s.position.y));
      offset = { x: args.at.x - left, y: args.at.y - top };
    }
    return done(insert(state, reidentify(content, context.newId, offset)));
  },
};

/** Copies and pastes the selection in one go, next to the originals. */
export const duplicateSelection: Command<void> = {
  id: 'duplicateSelection',
  label: 'Duplicate',
  description: 'Duplicate the selected steps',
  shortcuts: ['Mod+D'],
  record: 'now',
  enabled: (state) => state.selection.stepIds.length > 0,
  perform(state, _args, context) {
    const text = serialiseSelection(state);
    if (text === undefined)
      return refuse('nothing-to-duplicate', 'Select one or more steps to duplicate.');
    const content = parseClipboard(text);
    if ('error' in content) return refuse(content.code, content.error, content.values);
    return done(
      insert(state, reidentify(content, context.newId, { x: PASTE_OFFSET, y: PASTE_OFFSET })),
    );
  },
};
