// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currencyForLocale, localeForLanguages } from '../../../src/i18n/locales.ts';
import {
  initialLocale,
  readLocalePreference,
  saveLocalePreference,
} from '../../../src/i18n/locale-preference.ts';

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the starting language', () => {
  it('follows the browser: any French variant gives French, anything else English', () => {
    expect(localeForLanguages(['fr-CA', 'en'])).toBe('fr');
    expect(localeForLanguages(['FR'])).toBe('fr');
    expect(localeForLanguages(['en-GB', 'fr'])).toBe('en');
    expect(localeForLanguages(['de-DE', 'fr-FR'])).toBe('fr');
    expect(localeForLanguages(['de-DE', 'es'])).toBe('en');
    expect(localeForLanguages([])).toBe('en');
  });

  it('is the one the user chose on this device, over the browser', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
    expect(initialLocale()).toBe('fr');
    saveLocalePreference('en');
    expect(readLocalePreference()).toBe('en');
    expect(initialLocale()).toBe('en');
  });

  it('ignores a stored value that is not a language Wayfinder speaks', () => {
    localStorage.setItem('wayfinder.locale', '{"evil":true}');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
    expect(readLocalePreference()).toBeUndefined();
    expect(initialLocale()).toBe('en');
  });

  it('shows amounts in the locale’s currency', () => {
    expect(currencyForLocale('fr')).toBe('EUR');
    expect(currencyForLocale('en')).toBe('USD');
  });
});
