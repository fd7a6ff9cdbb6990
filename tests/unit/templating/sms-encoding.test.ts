import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonGsmCharacters, smsParts } from '../../../src/domain/templating/sms-encoding.ts';

describe('SMS encoding and parts', () => {
  it('counts GSM-7 texts in parts of 160, then 153', () => {
    expect(smsParts('')).toMatchObject({ encoding: 'GSM-7', parts: 0 });
    expect(smsParts('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', units: 160, parts: 1 });
    expect(smsParts('a'.repeat(161)).parts).toBe(2);
    expect(smsParts('a'.repeat(306)).parts).toBe(2);
    expect(smsParts('a'.repeat(307)).parts).toBe(3);
  });

  it('counts extension characters as two septets and never splits them', () => {
    expect(smsParts('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, parts: 1 });
    expect(smsParts('€'.repeat(81)).parts).toBe(2);
    // 152 plain septets, then a two-septet euro sign: it moves whole to the second part.
    expect(smsParts(`${'a'.repeat(152)}€${'a'.repeat(10)}`)).toMatchObject({
      units: 164,
      parts: 2,
    });
    expect(smsParts(`${'a'.repeat(152)}€${'a'.repeat(152)}`).parts).toBe(3);
  });

  it('switches to UCS-2 for an emoji or any character outside GSM: 70, then 67', () => {
    const hi = `Hi Ann, 20% off today! 🎉`;
    expect(smsParts(hi)).toMatchObject({ encoding: 'UCS-2', characters: 24, units: 25, parts: 1 });
    expect(nonGsmCharacters(hi)).toEqual(['🎉']);
    expect(smsParts('ą'.repeat(70)).parts).toBe(1);
    expect(smsParts('ą'.repeat(71)).parts).toBe(2);
    expect(smsParts('ą'.repeat(134)).parts).toBe(2);
    expect(smsParts('ą'.repeat(135)).parts).toBe(3);
    // 66 units then an emoji (2 units) that does not fit: it starts the second part.
    expect(smsParts(`${'ą'.repeat(66)}🎉${'ą'.repeat(10)}`)).toMatchObject({ units: 78, parts: 2 });
  });

  it('turns a 100-character GSM text (1 part) into 2 parts with one emoji', () => {
    const text = 'a'.repeat(100);
    expect(smsParts(text).parts).toBe(1);
    expect(smsParts(`${text}😀`)).toMatchObject({ encoding: 'UCS-2', parts: 2 });
  });

  it('never has fewer parts than a plain division, nor more than one extra per split (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '€', 'ą', '😀', ' '), maxLength: 600 }),
        (text) => {
          const p = smsParts(text);
          if (p.units <= p.single) {
            expect(p.parts).toBe(p.units === 0 ? 0 : 1);
            return;
          }
          const lower = Math.ceil(p.units / p.perPart);
          expect(p.parts).toBeGreaterThanOrEqual(lower);
          // Each part loses at most one unit to a character that would not fit.
          expect(p.parts).toBeLessThanOrEqual(Math.ceil(p.units / (p.perPart - 1)));
        },
      ),
      { seed: 18, numRuns: 300 },
    );
  });
});
