import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { loadMessages } from '../../src/i18n/load-messages.ts';
import { LocaleProvider } from '../../src/i18n/locale-provider.tsx';

const french = await loadMessages('fr');

/**
 * Renders `ui` in French with the app's catalogue. Any message id missing from it, or a value a
 * message cannot take, throws, so the test fails.
 */
export function inFrench(ui: ReactNode): RenderResult {
  return render(
    <LocaleProvider
      locale="fr"
      messages={french}
      onError={(error) => {
        throw error;
      }}
    >
      {ui}
    </LocaleProvider>,
  );
}
