import { isLocale, localeForLanguages, type Locale } from './locales.ts';

const LOCALE_KEY = 'wayfinder.locale';

function local(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The language the user chose on this device, if any (anything else stored is ignored). */
export function readLocalePreference(): Locale | undefined {
  let stored: string | null | undefined;
  try {
    stored = local()?.getItem(LOCALE_KEY);
  } catch {
    return undefined;
  }
  return isLocale(stored) ? stored : undefined;
}

/** Remembers the user's choice on this device; a browser that refuses storage keeps it for the tab. */
export function saveLocalePreference(locale: Locale): void {
  try {
    local()?.setItem(LOCALE_KEY, locale);
  } catch {
    // Private modes may refuse writes: the choice still holds until the tab closes.
  }
}

/** The chosen language, else the browser's (fr* → French), else English. */
export function initialLocale(): Locale {
  const languages =
    typeof navigator === 'undefined'
      ? []
      : navigator.languages?.length
        ? navigator.languages
        : [navigator.language];
  return readLocalePreference() ?? localeForLanguages(languages);
}
