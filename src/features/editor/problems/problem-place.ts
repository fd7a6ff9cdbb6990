import type { IntlShape } from 'react-intl';
import {
  getStepDefinition,
  journeySettingsSchema,
  type Diagnostic,
  type JourneySettings,
  type JourneyStep,
} from '../../../domain/index.ts';
import { fieldPlace } from '../../../ui/schema-form/field-place.ts';
import { settingsPlace } from '../inspector/settings-place.ts';

/**
 * Where in its step a schema problem is, in the labels the step's inspector shows ("Branch 1 ›
 * Condition › Rule 2 › Event"), walked from the diagnostic's path keys through the kind's
 * config schema; undefined when the diagnostic names no field or the form does not draw it.
 */
export function stepProblemPlace(
  intl: IntlShape,
  step: Pick<JourneyStep, 'kind' | 'config'>,
  d: Diagnostic,
): string | undefined {
  if (d.code !== 'invalid-config' || d.fieldKeys === undefined) return undefined;
  const definition = getStepDefinition(step.kind);
  return definition && fieldPlace(intl, definition.configSchema, step.config, d.fieldKeys);
}

/**
 * Where a journey-wide or step problem is, in the labels of the panel that edits it: the step's
 * inspector (see stepProblemPlace) or the settings panel (settings-place.ts).
 */
export function problemPlace(
  intl: IntlShape,
  document: { steps: readonly JourneyStep[]; settings: JourneySettings },
  d: Diagnostic,
): string | undefined {
  if (d.fieldKeys === undefined) return undefined;
  // The settings panel is drawn by hand, not from the schema: its own labels, else the schema's.
  if (d.code === 'invalid-settings')
    return (
      settingsPlace(intl, d.fieldKeys) ??
      fieldPlace(intl, journeySettingsSchema, document.settings, d.fieldKeys)
    );
  const step = d.stepId === undefined ? undefined : document.steps.find((s) => s.id === d.stepId);
  return step && stepProblemPlace(intl, step, d);
}
