// @vitest-environment node
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatKpi } from '../../../src/features/forecast/kpi-format.ts';
import { setFormatCurrency, setFormatLocale } from '../../../src/i18n/format-locale.ts';
import { formatNumber } from '../../../src/ui/kpi/format-number.ts';

const NBSP = '\u00a0';

afterEach(() => {
  setFormatLocale('en');
  setFormatCurrency(undefined);
});

/** The amount a written figure says, read back from its digits ("0,0021 €" → 0.0021). */
function amountOf(text: string): number {
  const digits = text.replace(/[^\d,.-]/g, '');
  return Number(
    digits.includes(',') ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, ''),
  );
}

describe('amounts of money', () => {
  it('never write a cost under a cent as zero: A’s cost per conversion beside B’s', () => {
    expect(formatKpi('money', 0.0021)).toBe('$0.0021');
    expect(formatKpi('money', 0.004)).toBe('$0.004');
    expect(formatKpi('money', -0.0021)).toBe('-$0.0021');
    setFormatLocale('fr');
    setFormatCurrency('EUR');
    expect(formatKpi('money', 0.0021)).toBe(`0,0021${NBSP}€`);
  });

  it('keep cents from a cent up, whole units from 1,000, and zero as zero', () => {
    expect(formatNumber(0, 'currency')).toBe('$0.00');
    expect(formatNumber(0.01, 'currency')).toBe('$0.01');
    expect(formatNumber(12.5, 'currency')).toBe('$12.50');
    expect(formatNumber(12_345.6, 'currency')).toBe('$12,346');
  });

  it('say any amount from a hundredth of a cent to 1,000 within a tenth of itself (seeded)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 999, noNaN: true }), (value) => {
        const said = amountOf(formatNumber(value, 'currency'));
        // Cents are exact to half a cent; below a cent, two significant digits to 5%.
        expect(Math.abs(said - value)).toBeLessThanOrEqual(Math.max(0.005, value * 0.05) + 1e-12);
        expect(said).toBeGreaterThan(0);
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });
});
