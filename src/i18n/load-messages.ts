import type { MessageFormatElement } from 'react-intl';
import en from 'virtual:wayfinder-messages/en';
import type { Locale } from './locales.ts';

/** A catalogue: message id → its parsed ICU message. */
export type Messages = Record<string, MessageFormatElement[]>;

/** English, bundled: the first paint never waits for it. */
export const ENGLISH_MESSAGES: Messages = en;

/** A locale's catalogue; every language but English is a chunk fetched on first use. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'en':
      return ENGLISH_MESSAGES;
    case 'fr':
      return (await import('virtual:wayfinder-messages/fr')).default;
  }
}
