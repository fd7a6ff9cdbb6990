import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CURRENCIES, currencySchema } from './currencies.ts';
import { useLocale } from './locale-context.ts';

/**
 * The header's currency select: amounts carry no currency of their own, so the workspace says
 * which one they are in (the language's by default). Each named in the current language.
 */
export function CurrencySwitch() {
  const intl = useIntl();
  const { currency, chooseCurrency } = useLocale();
  const id = useId();
  return (
    <div className="language-switch currency-switch">
      <label htmlFor={id}>
        <FormattedMessage id="shell.currency.label" />
      </label>
      <select
        id={id}
        value={currency}
        onChange={(event) => {
          const next = currencySchema.safeParse(event.target.value);
          if (next.success) chooseCurrency(next.data);
        }}
      >
        {CURRENCIES.map((option) => (
          <option key={option} value={option}>
            {`${intl.formatDisplayName(option, { type: 'currency' }) ?? option} (${option})`}
          </option>
        ))}
      </select>
    </div>
  );
}
