import { describe, expect, it } from 'vitest';
import { dedupeProfiles } from '../../../src/domain/profiles/dedupe';
import { normaliseEmail } from '../../../src/domain/profiles/normalise-email';
import type { Profile, ProfileAttributes } from '../../../src/domain/profiles/profile';

const p = (
  id: string,
  attributes: Partial<ProfileAttributes> = {},
  events: Profile['events'] = [],
): Profile => ({
  id,
  attributes: { consent: {}, tags: [], custom: {}, ...attributes },
  events,
});

describe('normaliseEmail', () => {
  it('trims, lower-cases and folds Gmail dots and +suffixes only for Gmail', () => {
    expect(normaliseEmail('  Ann.Lee+promo@GMail.com ')).toBe('annlee@gmail.com');
    expect(normaliseEmail('ann.lee@googlemail.com')).toBe('annlee@gmail.com');
    expect(normaliseEmail('Ann.Lee+promo@Example.com')).toBe('ann.lee+promo@example.com');
  });
});

describe('dedupeProfiles', () => {
  it('returns the same profiles when nothing repeats', () => {
    const input = [p('a', { email: 'a@x.com' }), p('b', { email: 'b@x.com' })];
    const result = dedupeProfiles(input);
    expect(result.profiles[0]).toBe(input[0]);
    expect(result).toMatchObject({ mergedCount: 0, merged: [] });
  });

  it('merges the same id: later non-empty values win, tags union, consent latest explicit', () => {
    const result = dedupeProfiles([
      p('a', {
        name: 'Ann',
        plan: 'pro',
        tags: ['x'],
        consent: { email: true, sms: true },
        custom: { ltv: 5, note: 'hi' },
      }),
      p('b'),
      p('a', {
        name: '',
        plan: 'free',
        tags: ['y', 'x'],
        consent: { email: false },
        custom: { ltv: 9, note: null },
      }),
    ]);
    expect(result.profiles.map((x) => x.id)).toEqual(['a', 'b']);
    expect(result.profiles[0]?.attributes).toEqual({
      name: 'Ann',
      plan: 'free',
      tags: ['x', 'y'],
      consent: { email: false, sms: true },
      custom: { ltv: 9, note: 'hi' },
    });
    expect(result.merged).toEqual([{ id: 'a', mergedIds: ['a'], records: 2, matchedBy: ['id'] }]);
    expect(result.mergedCount).toBe(1);
  });

  it('merges by normalised email, transitively, and keeps the first id', () => {
    const result = dedupeProfiles([
      p('a', { email: 'Ann.Lee@gmail.com' }),
      p('b', { email: 'annlee+x@gmail.com' }),
      p('c', { email: 'c@x.com' }),
      p('b', { phone: '+1555' }),
    ]);
    expect(result.profiles.map((x) => x.id)).toEqual(['a', 'c']);
    expect(result.profiles[0]?.attributes.phone).toBe('+1555');
    expect(result.profiles[0]?.attributes.email).toBe('annlee+x@gmail.com');
    expect(result.merged).toEqual([
      { id: 'a', mergedIds: ['b', 'b'], records: 3, matchedBy: ['email', 'id'] },
    ]);
  });

  it('concatenates events, re-sorts them and drops exact duplicates', () => {
    const result = dedupeProfiles([
      p('a', {}, [
        { name: 'order', at: 5, props: { amount: 1, id: 'x' } },
        { name: 'visit', at: 9 },
      ]),
      p('a', {}, [
        { name: 'signup', at: 1 },
        { name: 'order', at: 5, props: { id: 'x', amount: 1 } },
        { name: 'order', at: 5, props: { amount: 2, id: 'y' } },
      ]),
    ]);
    expect(result.profiles[0]?.events).toEqual([
      { name: 'signup', at: 1 },
      { name: 'order', at: 5, props: { amount: 1, id: 'x' } },
      { name: 'order', at: 5, props: { amount: 2, id: 'y' } },
      { name: 'visit', at: 9 },
    ]);
  });
});
