import type { Currency } from './currencies.ts';

/** The languages Wayfinder speaks. English is bundled; the others load when chosen. */
export const LOCALES = ['en', 'fr'] as const;

export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale for a browser's preferred languages (`navigator.languages`, best first): the first
 * one Wayfinder speaks by its primary subtag (fr-CA → fr), English when none is.
 */
export function localeForLanguages(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

/**
 * The currency amounts are shown in until the workspace chooses one. Amounts in journeys and runs
 * carry no currency of their own (goal values and send costs are plain numbers).
 */
export function currencyForLocale(locale: Locale): Currency {
  return locale === 'fr' ? 'EUR' : 'USD';
}
