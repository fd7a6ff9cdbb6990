import type { MessageFormatElement } from 'react-intl';
import en from 'virtual:wayfinder-messages/en';
import type { Locale } from './locales.ts';

/** A catalogue: message id → its parsed ICU message. */
export type Messages = Record<string, MessageFormatElement[]>;

/**
 * English, bundled: the first paint never waits for it. Its diagnostic messages
 * (`diagnostic.<code>`) come apart, from {@link loadDiagnosticMessages}.
 */
export const ENGLISH_MESSAGES: Messages = en;

/** An id every complete catalogue has: its presence says the diagnostics are loaded. */
export const DIAGNOSTICS_LOADED_MARK = 'diagnostic.no-trigger';

/**
 * The diagnostic messages a locale's catalogue lacks: English fetches them just after the first
 * paint (until then a diagnostic shows its English `message`); other languages have them.
 */
export async function loadDiagnosticMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'en':
      return (await import('virtual:wayfinder-messages/en/diagnostics')).default;
    case 'fr':
      return {};
  }
}

/** A locale's catalogue; every language but English is a chunk fetched on first use. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  switch (locale) {
    case 'en':
      return ENGLISH_MESSAGES;
    case 'fr':
      return (await import('virtual:wayfinder-messages/fr')).default;
  }
}
