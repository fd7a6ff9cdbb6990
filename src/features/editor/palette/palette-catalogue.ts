import {
  STEP_CATEGORIES,
  STEP_CATEGORY_LABELS,
  stepDefinitionsIn,
  type AnyStepDefinition,
  type StepCategory,
} from '../../../domain/index.ts';

/** The drag-and-drop type a palette item carries; its value is the step kind. */
export const KIND_MIME = 'application/x-wayfinder-kind';

export interface PaletteGroup {
  category: StepCategory;
  label: string;
  items: AnyStepDefinition[];
}

/** Step kinds grouped by category in palette order, filtered by a search text. */
export function paletteGroups(query: string): PaletteGroup[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return STEP_CATEGORIES.map((category) => {
    const label = STEP_CATEGORY_LABELS[category];
    const items = stepDefinitionsIn(category).filter((d) => {
      const text = `${d.label} ${d.description} ${d.kind} ${label}`.toLowerCase();
      return words.every((w) => text.includes(w));
    });
    return { category, label, items };
  }).filter((g) => g.items.length > 0);
}
