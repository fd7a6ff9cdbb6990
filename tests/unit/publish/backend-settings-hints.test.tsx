// @vitest-environment jsdom
import '../../setup/dom-setup';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createIntl } from 'react-intl';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_SECONDS } from '../../../src/api/backend-settings';
import { BackendSettingsDialog } from '../../../src/features/publish/backend-settings-dialog';
import type { Locale } from '../../../src/i18n/locales';
import { inFrench } from '../../support/in-french';

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});

const key = (name: string) => `publish.backend-settings-dialog.${name}`;

/** A language's whole catalogue as written, however the app splits it into loads. */
function catalogueIntl(locale: Locale) {
  const file = path.resolve(import.meta.dirname, `../../../src/i18n/messages/${locale}.json`);
  return createIntl({
    locale,
    messages: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>,
    onError: (error) => {
      throw error;
    },
  });
}

const renderIn: Record<Locale, (ui: ReactNode) => unknown> = { en: render, fr: inFrench };

describe.each<Locale>(['en', 'fr'])('Backend settings hints, in %s', (locale) => {
  it('describe the URL, token and time-out boxes they sit under', async () => {
    const intl = catalogueIntl(locale);
    const say = (name: string, values?: Record<string, number>) =>
      intl.formatMessage({ id: key(name) }, values);
    renderIn[locale](<BackendSettingsDialog open onOpenChange={() => undefined} />);

    // The dialog's frame loads on demand.
    const url = await screen.findByRole('textbox', { name: say('backendUrl') });
    expect(url).toHaveAccessibleDescription(`${DEFAULT_BASE_URL} ${say('isTheBuiltInMock')}`);
    expect(screen.getByLabelText(say('accessToken'))).toHaveAccessibleDescription(
      say('keptForThisBrowserSession'),
    );
    expect(
      screen.getByRole('spinbutton', { name: say('requestTimeOutSeconds') }),
    ).toHaveAccessibleDescription(
      say('aRequestWithNoAnswerStops', { seconds: DEFAULT_TIMEOUT_SECONDS }),
    );
  });
});
