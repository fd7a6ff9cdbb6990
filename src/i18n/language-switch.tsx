import { useId, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useLocale } from './locale-context.ts';
import { isLocale, LOCALES } from './locales.ts';

const LANGUAGE_NAMES = defineMessages({
  en: { id: 'shell.language.en' },
  fr: { id: 'shell.language.fr' },
});

/** The header's language select: each language named in itself, the label in the current one. */
export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, chooseLocale } = useLocale();
  const [failed, setFailed] = useState(false);
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>
        <FormattedMessage id="shell.language.label" />
      </label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          setFailed(false);
          chooseLocale(next).catch(() => setFailed(true));
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {intl.formatMessage(LANGUAGE_NAMES[option])}
          </option>
        ))}
      </select>
      {failed && (
        <span role="alert">
          <FormattedMessage id="shell.language.loadFailed" />
        </span>
      )}
    </div>
  );
}
