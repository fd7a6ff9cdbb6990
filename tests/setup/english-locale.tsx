import type { ComponentType, ReactNode } from 'react';
import { LocaleProvider } from '../../src/i18n/locale-provider.tsx';
import englishPages from 'virtual:wayfinder-messages/en/pages';
import englishPublish from 'virtual:wayfinder-messages/en/publish';
import englishResults from 'virtual:wayfinder-messages/en/results';
import { ENGLISH_MESSAGES, loadDiagnosticMessages } from '../../src/i18n/load-messages.ts';

/**
 * The whole English catalogue: the first load's messages, the diagnostics', the lazy pages' and
 * publishing's,
 * so no test sees the app's loading moment.
 */
const ALL_ENGLISH = {
  ...ENGLISH_MESSAGES,
  ...(await loadDiagnosticMessages('en')),
  ...englishPages,
  ...englishResults,
  ...englishPublish,
};

type ResolvedError = Parameters<NonNullable<Parameters<typeof LocaleProvider>[0]['onError']>>[0];

/** A message id missing from the catalogue, or a message its values cannot fill, fails the test. */
function failOnMessageError(error: ResolvedError): void {
  throw error;
}

/**
 * Component tests render in English, whatever the machine's language, and inside the app's
 * LocaleProvider: tests/setup/vitest-setup.ts wraps Testing Library's render and renderHook in
 * it, around any wrapper a test brings (a test may still render its own provider in French).
 */
export function inEnglish(
  Inner?: ComponentType<{ children: ReactNode }>,
): ComponentType<{ children: ReactNode }> {
  return function EnglishLocale({ children }: { children: ReactNode }) {
    return (
      <LocaleProvider locale="en" messages={ALL_ENGLISH} onError={failOnMessageError}>
        {Inner ? <Inner>{children}</Inner> : children}
      </LocaleProvider>
    );
  };
}
