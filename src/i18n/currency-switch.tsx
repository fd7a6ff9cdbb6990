import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CURRENCIES, currencySchema } from './currencies.ts';
import { useLocale } from './locale-context.ts';

/**
 * The header's currency select: amounts carry no currency of their own, so the workspace says
 * which one they are in (the language's by default). Each shown by its code and symbol.
 */
export function CurrencySwitch() {
  const intl = useIntl();
  const { currency, chooseCurrency } = useLocale();
  const id = useId();
  // A header select stays narrow: the code, and the symbol as this language writes it.
  const symbolOf = (code: string) =>
    intl
      .formatNumberToParts(0, {
        style: 'currency',
        currency: code,
        currencyDisplay: 'narrowSymbol',
      })
      .find((part) => part.type === 'currency')?.value ?? code;
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
            {`${option} (${symbolOf(option)})`}
          </option>
        ))}
      </select>
    </div>
  );
}
