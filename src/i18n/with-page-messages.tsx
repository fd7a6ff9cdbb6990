import { useMemo, type ComponentType } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import type { Messages } from './load-messages.ts';

/**
 * A lazily loaded page (or view) with the English messages kept out of the first load
 * (`virtual:wayfinder-messages/en/pages` or `/results`, see page-messages.ts), merged in for it
 * alone. In
 * another language the catalogue already holds them.
 */
export function withPageMessages<P extends object>(
  Page: ComponentType<P>,
  english: Messages,
): ComponentType<P> {
  return function PageWithMessages(props: P) {
    const intl = useIntl();
    // The app's catalogues are all pre-parsed (vite.config.ts), like `english`.
    const merged = useMemo(() => ({ ...(intl.messages as Messages), ...english }), [intl.messages]);
    if (intl.locale !== 'en') return <Page {...props} />;
    return (
      <IntlProvider
        locale={intl.locale}
        defaultLocale={intl.defaultLocale}
        messages={merged}
        onError={intl.onError}
      >
        <Page {...props} />
      </IntlProvider>
    );
  };
}
