// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FormattedMessage, useIntl } from 'react-intl';
import { LanguageSwitch } from '../../../src/i18n/language-switch.tsx';
import { LocaleProvider } from '../../../src/i18n/locale-provider.tsx';
import { ENGLISH_MESSAGES, loadMessages } from '../../../src/i18n/load-messages.ts';
import { formatNumber } from '../../../src/ui/kpi/format-number.ts';

afterEach(() => localStorage.clear());

/** Like every screen, it reads the language (useIntl), so a switch re-renders it. */
function Figures() {
  useIntl();
  return (
    <>
      <output aria-label="average">{formatNumber(1234.5, 'number')}</output>
      <output aria-label="revenue">{formatNumber(12345.6, 'currency')}</output>
      <output aria-label="cost">{formatNumber(0.5, 'currency')}</output>
    </>
  );
}

function Shell() {
  return (
    <>
      <LanguageSwitch />
      <a href="#main">
        <FormattedMessage id="shell.skipToContent" />
      </a>
      <Figures />
    </>
  );
}

describe('the language switch', () => {
  it('turns the app French: its text, the page’s lang, numbers, and remembers the choice', async () => {
    const user = userEvent.setup();
    render(
      <LocaleProvider locale="en" messages={ENGLISH_MESSAGES}>
        <Shell />
      </LocaleProvider>,
    );
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(screen.getByRole('status', { name: 'average' })).toHaveTextContent('1,234.5');
    expect(screen.getByRole('status', { name: 'revenue' })).toHaveTextContent('$12,346');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Français');

    expect(await screen.findByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
    expect(screen.getByRole('link', { name: 'Aller au contenu' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
    // French groups thousands with a narrow no-break space and writes the euro after the amount.
    const text = (name: string) => screen.getByRole('status', { name }).textContent;
    expect(text('average')).toBe('1\u202f234,5');
    expect(text('revenue')).toBe('12\u202f346\u00a0€');
    expect(text('cost')).toBe('0,50\u00a0€');
    expect(localStorage.getItem('wayfinder.locale')).toBe('fr');
  });

  it('starts in the language it is given, each option named in its own language', async () => {
    render(
      <LocaleProvider locale="fr" messages={await loadMessages('fr')}>
        <LanguageSwitch />
      </LocaleProvider>,
    );
    const select = screen.getByRole('combobox', { name: 'Langue' });
    expect(select).toHaveValue('fr');
    expect(screen.getByRole('option', { name: 'English' })).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('option', { name: 'Français' })).toHaveAttribute('lang', 'fr');
  });
});
