import { formatCurrency, formatLocale, numberFormat } from '../../i18n/format-locale.ts';

/** How a figure is written. */
export type NumberFormat = 'count' | 'number' | 'percent' | 'currency' | 'points' | 'ratio';

/**
 * Percentage points after a difference of shares, as each language abbreviates them, by the
 * plural category of the figure as written: French "1,5 pt" (singular below 2), "2,7 pts".
 */
const POINTS = {
  en: { one: 'pp', other: 'pp' },
  fr: { one: 'pt', other: 'pts' },
} as const;

/**
 * Writes a number for people in the app's language (12,345 in English, 12 345 in French):
 * `count` a whole number; `number` up to 2 decimals; `percent` from a share (0.1234 → 12.3%);
 * `currency` with cents below 1,000 (two significant digits below a cent), whole units above, in
 * the workspace currency unless given;
 * `points` a signed difference of shares in percentage points (0.012 → +1.2 pp);
 * `ratio` a multiple, its decimals fewer as it grows (2.35×, 15.5×, 15,493×).
 */
export function formatNumber(
  value: number,
  format: NumberFormat = 'count',
  currency: string = formatCurrency(),
) {
  if (!Number.isFinite(value)) return '–';
  switch (format) {
    case 'count':
      return numberFormat({ maximumFractionDigits: 0 }).format(value);
    case 'number':
      return numberFormat({ maximumFractionDigits: 2 }).format(value);
    case 'percent':
      return numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'currency': {
      // Below a cent, cents would say "$0.00" (or double a half cent): two significant digits
      // instead, so a tiny cost per conversion is never shown as nothing.
      if (value !== 0 && Math.abs(value) < 0.01)
        return numberFormat({ style: 'currency', currency, maximumSignificantDigits: 2 }).format(
          value,
        );
      const whole = Math.abs(value) >= 1000;
      return numberFormat({
        style: 'currency',
        currency,
        maximumFractionDigits: whole ? 0 : 2,
        minimumFractionDigits: whole ? 0 : 2,
      }).format(value);
    }
    case 'ratio': {
      // Decimals of a multiple in the thousands are noise that reads as a price ("15,493.23").
      const size = Math.abs(value);
      const decimals = size >= 100 ? 0 : size >= 10 ? 1 : 2;
      return `${numberFormat({ maximumFractionDigits: decimals }).format(value)}×`;
    }
    case 'points': {
      // Written as an abbreviated unit, its abbreviation then swapped for the points': the
      // figure and the space before the unit are Intl's (French: a narrow no-break space, as in
      // "1,5 km", so "1,5 pt" never parts at a line's end).
      const shown = Math.abs(Math.round(value * 1000) / 10);
      const locale = formatLocale();
      const category = new Intl.PluralRules(locale).select(shown) === 'one' ? 'one' : 'other';
      return numberFormat({
        style: 'unit',
        unit: 'kilometer',
        unitDisplay: 'short',
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      })
        .formatToParts(value * 100)
        .map((part) => (part.type === 'unit' ? POINTS[locale][category] : part.value))
        .join('');
    }
  }
}
