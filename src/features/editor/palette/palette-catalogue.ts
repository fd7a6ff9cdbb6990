import type { IntlShape } from 'react-intl';
import {
  STEP_CATEGORIES,
  stepDefinitionsIn,
  type AnyStepDefinition,
  type StepCategory,
} from '../../../domain/index.ts';
import { stepCategoryLabel, stepKindDescription, stepKindLabel } from '../../../i18n/step-words.ts';

/** The drag-and-drop type a palette item carries; its value is the step kind. */
export const KIND_MIME = 'application/x-wayfinder-kind';

export interface PaletteItem {
  definition: AnyStepDefinition;
  label: string;
  description: string;
}

export interface PaletteGroup {
  category: StepCategory;
  label: string;
  items: PaletteItem[];
}

/**
 * Step kinds grouped by category in palette order, in the user's language, filtered by a search
 * text (names, descriptions and groups as shown, and the kind's code).
 */
export function paletteGroups(query: string, intl: IntlShape): PaletteGroup[] {
  const locale = intl.locale;
  const words = query.trim().toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
  return STEP_CATEGORIES.map((category) => {
    const label = stepCategoryLabel(intl, category);
    const items = stepDefinitionsIn(category)
      .map((definition) => ({
        definition,
        label: stepKindLabel(intl, definition.kind),
        description: stepKindDescription(intl, definition.kind),
      }))
      .filter((item) => {
        const text = `${item.label} ${item.description} ${item.definition.kind} ${label}`;
        return words.every((w) => text.toLocaleLowerCase(locale).includes(w));
      });
    return { category, label, items };
  }).filter((g) => g.items.length > 0);
}
