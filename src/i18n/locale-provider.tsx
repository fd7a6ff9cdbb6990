import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, type ResolvedIntlConfig } from 'react-intl';
import { setFormatLocale } from './format-locale.ts';
import {
  DIAGNOSTICS_LOADED_MARK,
  loadDiagnosticMessages,
  loadMessages,
  type Messages,
} from './load-messages.ts';
import { LocaleContext, type LocaleChoice } from './locale-context.ts';
import { saveLocalePreference } from './locale-preference.ts';
import type { Locale } from './locales.ts';

type OnErrorFn = ResolvedIntlConfig['onError'];

interface LocaleProviderProps {
  /** The language to start in and its catalogue, loaded before the first render. */
  locale: Locale;
  messages: Messages;
  /** Where a missing message or a formatting failure is reported; the console by default. */
  onError?: OnErrorFn;
  children: ReactNode;
}

const reportToConsole: OnErrorFn = (error) => console.error(error);

/**
 * Gives the app its language: react-intl's messages and formatters, the page's `lang` attribute
 * (screen readers pronounce by it) and the locale number and date helpers write in.
 */
export function LocaleProvider({
  locale: initial,
  messages: initialMessages,
  onError = reportToConsole,
  children,
}: LocaleProviderProps) {
  const [current, setCurrent] = useState({ locale: initial, messages: initialMessages });
  // Set while rendering, before any child formats a number in it.
  setFormatLocale(current.locale);

  useEffect(() => {
    document.documentElement.lang = current.locale;
  }, [current.locale]);

  const complete = Object.hasOwn(current.messages, DIAGNOSTICS_LOADED_MARK);
  useEffect(() => {
    if (complete) return;
    let live = true;
    void loadDiagnosticMessages(current.locale).then((extra) => {
      if (!live) return;
      setCurrent((c) =>
        c.locale === current.locale ? { ...c, messages: { ...c.messages, ...extra } } : c,
      );
    });
    return () => {
      live = false;
    };
  }, [complete, current.locale]);

  const chooseLocale = useCallback(async (locale: Locale) => {
    const messages: Messages = await loadMessages(locale);
    saveLocalePreference(locale);
    setCurrent({ locale, messages });
  }, []);

  const choice = useMemo<LocaleChoice>(
    () => ({ locale: current.locale, chooseLocale }),
    [current.locale, chooseLocale],
  );

  return (
    <LocaleContext value={choice}>
      <IntlProvider
        locale={current.locale}
        defaultLocale="en"
        messages={current.messages}
        onError={onError}
      >
        {children}
      </IntlProvider>
    </LocaleContext>
  );
}
