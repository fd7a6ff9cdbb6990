import { currencySchema, type Currency } from './currencies.ts';

const CURRENCY_KEY = 'wayfinder.currency';

function local(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The workspace currency chosen on this device, if any. Anything else stored (an old value, a
 * hand edit) fails the schema and is ignored: the language's currency applies.
 */
export function readCurrencyPreference(): Currency | undefined {
  let stored: string | null | undefined;
  try {
    stored = local()?.getItem(CURRENCY_KEY);
  } catch {
    return undefined;
  }
  const parsed = currencySchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

/** Remembers the choice on this device; a browser that refuses storage keeps it for the tab. */
export function saveCurrencyPreference(currency: Currency): void {
  try {
    local()?.setItem(CURRENCY_KEY, currency);
  } catch {
    // Private modes may refuse writes: the choice still holds until the tab closes.
  }
}
