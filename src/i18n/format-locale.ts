import type { Currency } from './currencies.ts';
import { currencyForLocale, type Locale } from './locales.ts';

/**
 * The locale numbers and dates are written in. The LocaleProvider sets it as it renders, before
 * its children, so plain formatting helpers (formatNumber and the like, called from render code
 * and from memoised chart code alike) need no locale threaded through every call. A component
 * re-renders on a change of language when it reads the language (useIntl, FormattedMessage), as
 * every component showing text does; one showing numbers alone calls useIntl() to subscribe.
 */
let current: Locale = 'en';
/** The workspace currency, when one was chosen; otherwise the language's. */
let chosenCurrency: Currency | undefined;

export function setFormatLocale(locale: Locale): void {
  current = locale;
}

/** Set by the LocaleProvider as it renders, like the locale. */
export function setFormatCurrency(currency: Currency | undefined): void {
  chosenCurrency = currency;
}

export function formatLocale(): Locale {
  return current;
}

/** The currency every amount is written in: the workspace's, else the language's. */
export function formatCurrency(): Currency {
  return chosenCurrency ?? currencyForLocale(current);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat for the current locale and these options. */
export function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${current}:${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(current, options);
    numberFormats.set(key, f);
  }
  return f;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl.DateTimeFormat for the current locale and these options. */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${current}:${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(current, options);
    dateFormats.set(key, f);
  }
  return f;
}

/** A currency's symbol as the language writes it ($, €, £): the workspace's unless given. */
export function currencySymbol(currency: string = formatCurrency()): string {
  const parts = numberFormat({ style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
    .formatToParts(0)
    .find((part) => part.type === 'currency');
  return parts?.value ?? currency;
}
