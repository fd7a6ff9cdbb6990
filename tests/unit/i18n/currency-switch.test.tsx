// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useIntl } from 'react-intl';
import { afterEach, describe, expect, it } from 'vitest';
import { CurrencySwitch } from '../../../src/i18n/currency-switch.tsx';
import { LanguageSwitch } from '../../../src/i18n/language-switch.tsx';
import { ENGLISH_MESSAGES, loadMessages } from '../../../src/i18n/load-messages.ts';
import { LocaleProvider } from '../../../src/i18n/locale-provider.tsx';
import type { Locale } from '../../../src/i18n/locales.ts';
import { formatNumber } from '../../../src/ui/kpi/format-number.ts';

afterEach(() => localStorage.clear());

/** Like every screen showing amounts, it reads the language (useIntl) to follow a change. */
function Revenue() {
  useIntl();
  return <output aria-label="revenue">{formatNumber(12345.6, 'currency')}</output>;
}

async function renderShell(locale: Locale) {
  const messages = locale === 'en' ? ENGLISH_MESSAGES : await loadMessages(locale);
  return render(
    <LocaleProvider locale={locale} messages={messages}>
      <LanguageSwitch />
      <CurrencySwitch />
      <Revenue />
    </LocaleProvider>,
  );
}

const revenue = () => screen.getByRole('status', { name: 'revenue' }).textContent;

describe('the workspace currency', () => {
  it('defaults to the language’s currency until the workspace chooses one', async () => {
    const english = await renderShell('en');
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue('USD');
    expect(revenue()).toBe('$12,346');
    english.unmount();
    await renderShell('fr');
    expect(screen.getByRole('combobox', { name: 'Devise' })).toHaveValue('EUR');
    expect(revenue()).toBe('12\u202f346\u00a0€');
  });

  it('writes every amount in the chosen currency, remembers it, and keeps it across languages', async () => {
    const user = userEvent.setup();
    const first = await renderShell('en');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'GBP');
    expect(await screen.findByText('£12,346')).toBeInTheDocument();
    first.unmount();

    // A new visit on this device: the choice is remembered, and French keeps it.
    await renderShell('en');
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue('GBP');
    expect(revenue()).toBe('£12,346');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Français');
    expect(await screen.findByRole('combobox', { name: 'Devise' })).toHaveValue('GBP');
    expect(revenue()).toBe('12\u202f346\u00a0£GB');
  });

  it('ignores a stored value that is not a currency it offers', async () => {
    localStorage.setItem('wayfinder.currency', 'XBT');
    await renderShell('en');
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue('USD');
    expect(revenue()).toBe('$12,346');
  });
});
