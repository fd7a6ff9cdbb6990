import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatShare, missingShares } from '../../../src/domain/templating/missing-fields.ts';
import { lockScreenPush, truncateForDisplay } from '../../../src/domain/templating/push-preview.ts';
import { profile } from './fixtures.ts';

describe('missing-field share', () => {
  it('counts left-out, null, blank and empty-list values as missing', () => {
    const profiles = [
      profile('a', { name: 'Ann', custom: { tier: 'gold' } }),
      profile('b', { name: '  ', custom: { tier: null } }),
      profile('c', { custom: {} }),
      profile('d', { name: 'Dee', tags: ['x'], custom: { tier: 'silver' } }),
    ];
    expect(
      missingShares(
        ['profile.name', 'profile.custom.tier', 'profile.tags', 'profile.id'],
        profiles,
        undefined,
      ),
    ).toEqual([
      { path: 'profile.name', missing: 2, of: 4, share: 0.5 },
      { path: 'profile.custom.tier', missing: 2, of: 4, share: 0.5 },
      { path: 'profile.tags', missing: 3, of: 4, share: 0.75 },
    ]);
  });
  it('matches a direct count for any set of profiles (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom('Ann', '', 'Bo'), { nil: undefined }), {
          maxLength: 40,
        }),
        (names) => {
          const profiles = names.map((n, i) =>
            profile(`p${i}`, n === undefined ? {} : { name: n }),
          );
          const expected = names.filter((n) => n === undefined || n === '').length;
          const [share] = missingShares(['profile.name'], profiles, undefined);
          expect(share?.missing ?? 0).toBe(expected);
          if (share !== undefined) expect(share.share).toBeCloseTo(expected / names.length);
        },
      ),
      { seed: 18, numRuns: 100 },
    );
  });
  it('formats a rare gap as "under 1%"', () => {
    expect(formatShare(0.004)).toBe('under 1%');
    expect(formatShare(0.234)).toBe('23%');
  });
});

describe('push on a lock screen', () => {
  it('cuts a long body with an ellipsis and leaves a short one alone', () => {
    const long = lockScreenPush('Hi Ann', 'x'.repeat(300));
    expect(long.title).toEqual({ text: 'Hi Ann', truncated: false });
    expect(long.body.truncated).toBe(true);
    expect(Array.from(long.body.text)).toHaveLength(178);
    expect(long.body.text.endsWith('…')).toBe(true);
  });
  it('never cuts an emoji in half', () => {
    const t = truncateForDisplay('👍🏽'.repeat(10), 5);
    expect(t.text).toBe(`${'👍🏽'.repeat(4)}…`);
  });
});
