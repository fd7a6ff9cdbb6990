import englishLive from 'virtual:wayfinder-messages/en/live';
import { useIntlWith } from './use-intl-with.ts';

/**
 * The intl of a step's live counts, with their English words, which ship with the lazily loaded
 * pill (imported only by it) rather than in the editor's first load.
 */
export function useLiveStepIntl() {
  return useIntlWith(englishLive);
}
