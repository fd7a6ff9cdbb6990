import { createIntl, type IntlShape } from 'react-intl';
import englishPages from 'virtual:wayfinder-messages/en/pages';
import englishPublish from 'virtual:wayfinder-messages/en/publish';
import englishResults from 'virtual:wayfinder-messages/en/results';
import { loadDiagnosticMessages, loadMessages } from '../../src/i18n/load-messages.ts';
import type { Locale } from '../../src/i18n/locales.ts';

/**
 * react-intl's formatters outside React, in a language of the app's own catalogues. A missing
 * id or a message its values cannot fill throws, so a test sees it.
 */
export async function testIntl(locale: Locale): Promise<IntlShape> {
  return createIntl({
    locale,
    defaultLocale: 'en',
    // English whole: its first load, the diagnostics and the parts lazy views bring (pages,
    // results, publishing).
    messages:
      locale === 'en'
        ? {
            ...(await loadMessages('en')),
            ...(await loadDiagnosticMessages('en')),
            ...englishPages,
            ...englishResults,
            ...englishPublish,
          }
        : await loadMessages(locale),
    onError: (error) => {
      throw error;
    },
  });
}
