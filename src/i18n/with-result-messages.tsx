import type { ComponentType } from 'react';
import englishResults from 'virtual:wayfinder-messages/en/results';
import { withPageMessages } from './with-page-messages.tsx';

/**
 * A simulation's result view with the English words of its traces, which ship with the view
 * (imported only by the lazily loaded result view) rather than in the editor's first load.
 */
export function withResultMessages<P extends object>(View: ComponentType<P>): ComponentType<P> {
  return withPageMessages(View, englishResults);
}
