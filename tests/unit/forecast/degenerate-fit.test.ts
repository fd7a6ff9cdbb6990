import { describe, expect, it } from 'vitest';
import { bgnbdDegeneracy, fitBgNbd } from '../../../src/domain/forecast/bgnbd-fit.ts';
import { rfmSummary } from '../../../src/domain/forecast/rfm-summary.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';

const DAY = 86_400_000;
const end = Date.UTC(2025, 0, 1);
const cdnowLike = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('a BG/NBD fit says when it is degenerate', { timeout: 120_000 }, () => {
  it('flags histories where nobody ever drops out (a → 0 or b → ∞)', () => {
    // Purchases at gamma-distributed rates with (almost) no dropout, like the old demo data.
    const profiles = generateProfiles({
      count: 4_000,
      seed: 'no-dropout',
      start: end - 78 * 7 * DAY,
      end,
      purchases: { buyerShare: 1, bgnbd: { r: 0.5, alpha: 2, a: 1e-9, b: 50 } },
    });
    const fit = fitBgNbd(rfmSummary(profiles, { calibrationEnd: end - DAY }));
    expect(fit.degenerate?.reason).toMatch(/^(no_dropout|unbounded_b)$/);
  });

  it('accepts a fit of generated CDNOW-like histories', () => {
    const profiles = generateProfiles({
      count: 4_000,
      seed: 'usable',
      start: end - 546 * DAY,
      end,
    });
    const fit = fitBgNbd(rfmSummary(profiles, { calibrationEnd: end - DAY }));
    expect(fit.degenerate).toBeNull();
  });

  it('flags too few customers and no repeat buyers, before looking at the parameters', () => {
    const few = Array.from({ length: 40 }, (_, i) => ({ x: i % 3, t_x: i % 3, T: 10 }));
    expect(bgnbdDegeneracy(cdnowLike, few)?.reason).toBe('too_few_customers');
    const once = Array.from({ length: 400 }, () => ({ x: 0, t_x: 0, T: 10 }));
    expect(bgnbdDegeneracy(cdnowLike, once)?.reason).toBe('no_repeat_buyers');
    const fine = Array.from({ length: 400 }, (_, i) => ({ x: i % 3, t_x: i % 3, T: 10 }));
    expect(bgnbdDegeneracy(cdnowLike, fine)).toBeNull();
    expect(bgnbdDegeneracy({ ...cdnowLike, a: 1e-6 }, fine)?.reason).toBe('no_dropout');
    expect(bgnbdDegeneracy({ ...cdnowLike, b: 42_713 }, fine)?.reason).toBe('unbounded_b');
  });
});
