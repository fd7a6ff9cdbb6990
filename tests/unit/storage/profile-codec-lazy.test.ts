import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles';
import type { Profile } from '../../../src/domain/profiles/profile';
import { encodeProfiles } from '../../../src/storage/profile-codec';
import { decodeProfiles } from '../../../src/storage/profile-codec-decode';

const customers = generateProfiles({
  count: 200,
  seed: 11,
  start: Date.UTC(2023, 0, 1),
  end: Date.UTC(2024, 0, 1),
});
const odd: Profile = {
  id: 'odd',
  attributes: { consent: { email: true }, tags: ['a'], custom: { plan: 'pro', vip: null } },
  events: [
    { name: 'viewed', at: 1 },
    { name: 'order_placed', at: 2, props: { amount: 9.5, sku: 'x', gift: false, note: null } },
  ],
};

describe('decoding events on first read (the page)', () => {
  const encoded = encodeProfiles([...customers, odd]);
  const eager = () => decodeProfiles(encoded, customers.length + 1);
  const lazy = () => decodeProfiles(encoded, customers.length + 1, { lazyEvents: true });

  it('gives profiles equal to the eager decode, read by property, spread, JSON or cloning', () => {
    expect(lazy()).toEqual(eager());
    expect(JSON.stringify(lazy())).toBe(JSON.stringify(eager()));
    expect(structuredClone(lazy())).toEqual(eager());
    expect(lazy().map((p) => ({ ...p }))).toEqual(eager());
    expect(Object.keys(lazy()[0] as Profile)).toEqual(['id', 'attributes', 'events']);
  });

  it('builds a profile’s events once, and lets them be replaced', () => {
    const [profile] = lazy();
    if (profile === undefined) throw new Error('no profile');
    expect(profile.events).toBe(profile.events);
    profile.events = [];
    expect(profile.events).toEqual([]);
  });

  it('still refuses a damaged chunk when it is decoded, not when a row is read', () => {
    const damaged = { ...encoded, nums: encoded.nums.slice(0, encoded.nums.length - 1) };
    expect(() => decodeProfiles(damaged, customers.length + 1, { lazyEvents: true })).toThrow(
      'A stored chunk of profiles is damaged.',
    );
    const badString = { ...encoded, offsets: encoded.offsets.slice(0, 2) };
    expect(() => decodeProfiles(badString, customers.length + 1, { lazyEvents: true })).toThrow(
      'A stored chunk of profiles is damaged.',
    );
  });
});
