import type { JourneyDocument, JourneySettings, LifecycleStage } from '../../domain/index.ts';
import { done, type Command } from '../command.ts';
import { EMPTY_SELECTION, withDocument } from '../editor-state.ts';

export interface UpdateSettingsArgs {
  settings: JourneySettings;
  /** The field being edited, e.g. `quietHours.start`; typing settles into one entry per field. */
  field?: string;
}

/** Replaces the journey-wide settings. */
export const updateSettings: Command<UpdateSettingsArgs> = {
  id: 'updateSettings',
  label: 'Edit settings',
  record: 'settle',
  enabled: () => true,
  perform: (state, args) =>
    done(withDocument(state, { ...state.document, settings: args.settings }), {
      coalesceKey: `settings:${args.field ?? ''}`,
    }),
};

export interface UpdateJourneyMetaArgs {
  name?: string;
  description?: string;
  lifecycleStage?: LifecycleStage;
}

/** Changes the journey's name, description or lifecycle stage. */
export const updateJourneyMeta: Command<UpdateJourneyMetaArgs> = {
  id: 'updateJourneyMeta',
  label: 'Edit journey details',
  record: 'settle',
  enabled: () => true,
  perform(state, args) {
    const next: JourneyDocument = { ...state.document };
    if (args.name !== undefined) next.name = args.name;
    if (args.description !== undefined) next.description = args.description;
    if (args.lifecycleStage !== undefined) next.lifecycleStage = args.lifecycleStage;
    const fields = Object.keys(args).sort().join(',');
    return done(withDocument(state, next), { coalesceKey: `meta:${fields}` });
  },
};

export interface SetSelectionArgs {
  stepIds?: readonly string[];
  connectionIds?: readonly string[];
}

/** Selects exactly these steps and connections (ids that do not exist are dropped). */
export const setSelection: Command<SetSelectionArgs> = {
  id: 'setSelection',
  label: 'Select',
  record: 'never',
  enabled: () => true,
  perform: (state, args) =>
    done(
      withDocument(
        {
          ...state,
          selection: { stepIds: args.stepIds ?? [], connectionIds: args.connectionIds ?? [] },
        },
        state.document,
      ),
    ),
};

/** Selects every step and connection. */
export const selectAll: Command<void> = {
  id: 'selectAll',
  label: 'Select all',
  description: 'Select everything',
  shortcuts: ['Mod+A'],
  record: 'never',
  enabled: (state) => state.document.steps.length > 0,
  perform: (state) =>
    done({
      ...state,
      selection: {
        stepIds: state.document.steps.map((s) => s.id),
        connectionIds: state.document.connections.map((c) => c.id),
      },
    }),
};

/** Clears the selection. */
export const clearSelection: Command<void> = {
  id: 'clearSelection',
  label: 'Clear selection',
  description: 'Clear the selection',
  shortcuts: ['Escape'],
  record: 'never',
  enabled: (state) => state.selection.stepIds.length + state.selection.connectionIds.length > 0,
  perform: (state) => done({ ...state, selection: EMPTY_SELECTION }),
};
