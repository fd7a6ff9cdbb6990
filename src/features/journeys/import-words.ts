import type { IntlShape } from 'react-intl';
import { quoteName, type RenamedStep } from '../../domain/index.ts';

/**
 * What a user reads after an import: the journey's name, and the steps whose ids could not be
 * used and were given new ones (their old ids escaped and quoted, their own names as written).
 */
export function importedText(
  intl: IntlShape,
  journey: string,
  renamed: readonly RenamedStep[],
): string {
  if (renamed.length === 0) return intl.formatMessage({ id: 'journeys.import.done' }, { journey });
  const list = (items: string[]) => intl.formatList(items, { type: 'conjunction' });
  return intl.formatMessage(
    { id: 'journeys.import.renamed' },
    {
      journey,
      count: renamed.length,
      ids: list(renamed.map((r) => quoteName(r.from))),
      steps: list(renamed.map((r) => (r.label.trim() === '' ? quoteName(r.to) : r.label))),
    },
  );
}
