/** How a figure is written. */
export type NumberFormat = 'count' | 'number' | 'percent' | 'currency' | 'points';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/**
 * Writes a number for people: `count` 12,345; `number` up to 2 decimals; `percent` from a
 * share (0.1234 → 12.3%); `currency` with cents below 1,000, whole units above; `points` a
 * signed difference of shares in percentage points (0.012 → +1.2 pp).
 */
export function formatNumber(value: number, format: NumberFormat = 'count', currency = 'USD') {
  if (!Number.isFinite(value)) return '–';
  switch (format) {
    case 'count':
      return formatter(
        'count',
        () => new Intl.NumberFormat('en', { maximumFractionDigits: 0 }),
      ).format(value);
    case 'number':
      return formatter(
        'number',
        () => new Intl.NumberFormat('en', { maximumFractionDigits: 2 }),
      ).format(value);
    case 'percent':
      return formatter(
        'percent',
        () => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }),
      ).format(value);
    case 'currency': {
      const whole = Math.abs(value) >= 1000;
      return formatter(
        `currency:${currency}:${whole}`,
        () =>
          new Intl.NumberFormat('en', {
            style: 'currency',
            currency,
            maximumFractionDigits: whole ? 0 : 2,
            minimumFractionDigits: whole ? 0 : 2,
          }),
      ).format(value);
    }
    case 'points':
      return `${formatter(
        'points',
        () => new Intl.NumberFormat('en', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
      ).format(value * 100)} pp`;
  }
}
