import type {
  JourneyDocument,
  JourneySettings,
  LayoutDirection,
  LifecycleStage,
} from '../../domain/index.ts';
import { done, refuse, type Command } from '../command.ts';
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

export interface SetLayoutDirectionArgs {
  direction: LayoutDirection;
  /** Where the steps go in that direction (auto-layout's answer), moved in the same change. */
  positions?: Readonly<Record<string, { x: number; y: number }>>;
}

/**
 * Draws the journey left to right or top to bottom, with the steps laid out that way: one
 * undoable change. The direction is saved with the journey.
 */
export const setLayoutDirection: Command<SetLayoutDirectionArgs> = {
  id: 'setLayoutDirection',
  label: 'Change the layout direction',
  record: 'now',
  enabled: () => true,
  perform(state, { direction, positions = {} }) {
    const steps = state.document.steps.map((s) => {
      const at = positions[s.id];
      return at === undefined ? s : { ...s, position: { x: at.x, y: at.y } };
    });
    return done(withDocument(state, { ...state.document, steps, layoutDirection: direction }));
  },
};

export interface ApplyTemplateArgs {
  /** The template's document; its steps, arrows, settings and direction replace the journey's. */
  template: JourneyDocument;
}

/**
 * Fills the journey from a template, keeping its id, name and dates: one undoable change. Only
 * a journey with no steps can take one, so nothing the user drew is thrown away.
 */
export const applyTemplate: Command<ApplyTemplateArgs> = {
  id: 'applyTemplate',
  label: 'Start from a template',
  record: 'now',
  enabled: (state) => state.document.steps.length === 0,
  perform(state, { template }) {
    if (state.document.steps.length > 0)
      return refuse(
        'template-needs-empty-journey',
        'A template can only fill a journey with no steps.',
      );
    const next: JourneyDocument = {
      ...state.document,
      steps: template.steps,
      connections: template.connections,
      settings: template.settings,
      lifecycleStage: template.lifecycleStage,
      description: state.document.description || template.description,
    };
    if (template.layoutDirection !== undefined) next.layoutDirection = template.layoutDirection;
    return done(withDocument({ ...state, selection: EMPTY_SELECTION }, next));
  },
};
