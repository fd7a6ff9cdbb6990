import { useId } from 'react';
import { FormattedMessage } from 'react-intl';
import { CURRENCIES, currencySchema } from './currencies.ts';
import { currencySymbol } from './format-locale.ts';
import { useLocale } from './locale-context.ts';

/**
 * The header's currency select: amounts carry no currency of their own, so the workspace says
 * which one they are in (the language's by default). Each shown by its code and symbol.
 */
export function CurrencySwitch() {
  const { currency, chooseCurrency } = useLocale();
  const id = useId();
  return (
    <div className="language-switch currency-switch">
      <label htmlFor={id}>
        <FormattedMessage id="shell.currency.label" />
      </label>
      {/* A header select stays narrow: the code, and the symbol as this language writes it. */}
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
            {`${option} (${currencySymbol(option)})`}
          </option>
        ))}
      </select>
    </div>
  );
}
