import { createContext, useContext } from 'react';
import type { Currency } from './currencies.ts';
import type { Locale } from './locales.ts';

export interface LocaleChoice {
  locale: Locale;
  /** Switches the app's language (loading its catalogue first) and remembers it. */
  chooseLocale: (locale: Locale) => Promise<void>;
  /** The currency amounts are shown in: the workspace's choice, else the language's. */
  currency: Currency;
  /** Sets the workspace currency and remembers it on this device. */
  chooseCurrency: (currency: Currency) => void;
}

export const LocaleContext = createContext<LocaleChoice | null>(null);

/** The current language and the way to change it; only inside a LocaleProvider. */
export function useLocale(): LocaleChoice {
  const choice = useContext(LocaleContext);
  if (!choice) throw new Error('useLocale needs a LocaleProvider above it');
  return choice;
}
