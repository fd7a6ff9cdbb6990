import { useEffect, useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { Messages } from '../../../i18n/load-messages.ts';
import { useIntlWith } from '../../../i18n/use-intl-with.ts';

let englishLive: Messages | undefined;
const NONE: Messages = {};

/**
 * The intl that words live counts (`live.*`) on the canvas, once `wanted` (a live overlay is
 * shown); undefined until it can. English fetches those words then, with the live counts (they
 * are not in the editor's first load); another language's catalogue has them already.
 */
export function useLiveWords(wanted: boolean): IntlShape | undefined {
  const { locale } = useIntl();
  const [english, setEnglish] = useState(englishLive);
  const needed = wanted && locale === 'en' && english === undefined;
  useEffect(() => {
    if (!needed) return;
    let current = true;
    import('virtual:wayfinder-messages/en/live').then(
      (module) => {
        englishLive = module.default;
        if (current) setEnglish(englishLive);
      },
      // Without them an arrow's drawn live count is read instead of named (journey-edge.tsx).
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [needed]);
  const intl = useIntlWith(english ?? NONE);
  return locale !== 'en' || english !== undefined ? intl : undefined;
}
