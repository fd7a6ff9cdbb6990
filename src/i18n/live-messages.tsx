import type { ComponentType } from 'react';
import englishLive from 'virtual:wayfinder-messages/en/live';
import { useIntlWith } from './use-intl-with.ts';
import { withPageMessages } from './with-page-messages.tsx';

/**
 * The live counts' English words (`live.*`) ship with the lazily loaded live counts rather than in
 * the editor's first load: imported only by them.
 */

/** The live counts bar (and its chart) with their English words. */
export function withLiveMessages<P extends object>(View: ComponentType<P>): ComponentType<P> {
  return withPageMessages(View, englishLive);
}

/** The intl of a step's live counts pill, drawn once per step outside the bar. */
export function useLiveStepIntl() {
  return useIntlWith(englishLive);
}
