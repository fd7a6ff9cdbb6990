import { createIntl, useIntl, type IntlShape } from 'react-intl';
import type { Messages } from './load-messages.ts';

const merged = new WeakMap<object, WeakMap<Messages, IntlShape>>();

/**
 * The app's intl with English messages kept out of the first load merged in (another language's
 * catalogue has them already). For lazily loaded pieces drawn many times, such as one per step on
 * the canvas: one merged catalogue for all of them, where a provider each would copy it each.
 */
export function useIntlWith(english: Messages): IntlShape {
  const intl = useIntl();
  if (intl.locale !== 'en') return intl;
  let byEnglish = merged.get(intl.messages);
  if (byEnglish === undefined) {
    byEnglish = new WeakMap();
    merged.set(intl.messages, byEnglish);
  }
  let shape = byEnglish.get(english);
  if (shape === undefined) {
    shape = createIntl({
      locale: intl.locale,
      defaultLocale: intl.defaultLocale,
      // The app's catalogues are all pre-parsed (vite.config.ts), like `english`.
      messages: { ...(intl.messages as Messages), ...english },
      onError: intl.onError,
    });
    byEnglish.set(english, shape);
  }
  return shape;
}
