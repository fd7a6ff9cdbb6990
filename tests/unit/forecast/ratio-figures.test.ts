// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { formatKpi } from '../../../src/features/forecast/kpi-format.ts';
import { setFormatLocale } from '../../../src/i18n/format-locale.ts';

afterEach(() => setFormatLocale('en'));

describe('a return on spend', () => {
  it('is written as a multiple, with fewer decimals the larger it is', () => {
    expect(formatKpi('ratio', 15_493.23)).toBe('15,493×');
    expect(formatKpi('ratio', 15.46)).toBe('15.5×');
    expect(formatKpi('ratio', 2.345)).toBe('2.35×');
    expect(formatKpi('ratio', Number.NaN)).toBe('–');
  });

  it('groups its thousands as the language does', () => {
    setFormatLocale('fr');
    expect(formatKpi('ratio', 15_493.23)).toMatch(/^15\s493×$/u);
  });
});
