import type { ComponentType } from 'react';
import englishPublish from 'virtual:wayfinder-messages/en/publish';
import { withPageMessages } from './with-page-messages.tsx';

/**
 * A piece of publishing with its English words (`publish.*`), which ship with it (imported only
 * by the lazily loaded header actions and comparison banner) rather than in the editor's first
 * load.
 */
export function withPublishMessages<P extends object>(View: ComponentType<P>): ComponentType<P> {
  return withPageMessages(View, englishPublish);
}
