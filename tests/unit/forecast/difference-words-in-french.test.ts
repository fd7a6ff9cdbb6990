// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  describeDifference,
  describeRelativeLift,
  formatInterval,
  formatMeanDifference,
  verdictLabel,
} from '../../../src/features/forecast/difference-words.ts';
import { differenceFormat } from '../../../src/features/forecast/kpi-format.ts';
import { formatNumber } from '../../../src/ui/kpi/format-number.ts';
import { setFormatCurrency, setFormatLocale } from '../../../src/i18n/format-locale.ts';
import { comparison, conversions, cost, rate } from '../../support/kpi-comparison.ts';
import { testIntl } from '../../support/test-intl.ts';

const french = await testIntl('fr');
const NBSP = '\u00a0';
/**
 * Before « ; » French puts a narrow no-break space, and before an abbreviated unit (pt, as Intl
 * writes « km »); Intl writes « % » after a no-break space.
 */
const NARROW_NBSP = '\u202f';

describe('A against B, worded in French', () => {
  // The figures are written in the reader's format, as the LocaleProvider sets it.
  beforeEach(() => {
    setFormatLocale('fr');
    setFormatCurrency('EUR');
  });
  afterEach(() => {
    setFormatLocale('en');
    setFormatCurrency(undefined);
  });

  it('says a real difference in conversion as one French sentence with French numbers', () => {
    expect(describeDifference(french, rate, comparison(-0.018, -0.027, -0.009), 0.9, 0.2)).toBe(
      `B convertit 1,80${NBSP}point de moins (intervalle à 90${NBSP}% de -2,70 à -0,90${NBSP}point${NARROW_NBSP}; en relatif -9,0${NBSP}% (de -13,5${NBSP}% à -4,5${NBSP}%)) — une différence réelle.`,
    );
  });

  it('writes “point” in the singular below 2 and “points” from 2, as French counts', () => {
    expect(describeDifference(french, rate, comparison(0.025, 0.012, 0.038), 0.9)).toBe(
      `B convertit 2,50${NBSP}points de plus (intervalle à 90${NBSP}% de +1,20 à +3,80${NBSP}points) — une différence réelle.`,
    );
    expect(describeDifference(french, rate, comparison(0.004, -0.006, 0.0199), 0.9)).toBe(
      `Taux de conversion${NBSP}: aucune différence détectable — B − A vaut +0,40${NBSP}point (intervalle à 90${NBSP}% de -0,60 à +1,99${NBSP}point).`,
    );
    const small = comparison(0.015, 0.009, 0.019);
    const format = differenceFormat('share', small.meanDiff, small.ci);
    expect(formatMeanDifference(french, rate, format, small.meanDiff)).toBe(
      `+1,50${NARROW_NBSP}pt`,
    );
    expect(formatInterval(french, rate, format, small.ci)).toBe(`+0,90 à +1,90${NARROW_NBSP}pt`);
    // A figure and its unit never part at a line's end: Intl's narrow no-break space, as before « % ».
    expect(formatNumber(-0.015, 'points')).toBe(`-1,5${NARROW_NBSP}pt`);
    expect(formatNumber(0.02, 'points')).toBe(`+2${NARROW_NBSP}pts`);
  });

  it('leaves English “points” and “pp” as they were, whatever the size', async () => {
    setFormatLocale('en');
    const english = await testIntl('en');
    expect(describeDifference(english, rate, comparison(0.01, 0.005, 0.015), 0.9)).toBe(
      'B converts 1.00 points more (90% range +0.50 to +1.50 points) — a real difference.',
    );
    const c = comparison(0.01, 0.005, 0.015);
    const format = differenceFormat('share', c.meanDiff, c.ci);
    expect(formatMeanDifference(english, rate, format, c.meanDiff)).toBe('+1.00 pp');
    expect(formatNumber(0.01, 'points')).toBe('+1 pp');
  });

  it('names the KPI in French when no difference can be detected, and for other KPIs', () => {
    expect(describeDifference(french, conversions, comparison(0.8, -0.2, 1.8), 0.9)).toBe(
      `Conversions${NBSP}: aucune différence détectable — B − A vaut +0,8 (intervalle à 90${NBSP}% de -0,2 à +1,8).`,
    );
    expect(describeDifference(french, cost, comparison(-0.0021, -0.0034, -0.0008), 0.9)).toBe(
      `B est en dessous de A de 0,0021${NBSP}€ en coût par conversion (intervalle à 90${NBSP}% de -0,0034${NBSP}€ à -0,0008${NBSP}€) — une différence réelle.`,
    );
  });

  it('words the table’s difference, range, relative change and verdict', () => {
    const c = comparison(0.018, 0.009, 0.027);
    const format = differenceFormat('share', c.meanDiff, c.ci);
    expect(formatMeanDifference(french, rate, format, c.meanDiff)).toBe(`+1,80${NARROW_NBSP}pt`);
    expect(formatInterval(french, rate, format, c.ci)).toBe(`+0,90 à +2,70${NARROW_NBSP}pts`);
    expect(describeRelativeLift(french, c, 0.2)).toBe(
      `+9,0${NBSP}% (de +4,5${NBSP}% à +13,5${NBSP}%)`,
    );
    expect(verdictLabel(french, c)).toBe('B plus élevé');
    expect(verdictLabel(french, comparison(0.1, -0.1, 0.3))).toBe('aucune différence détectable');
  });
});
