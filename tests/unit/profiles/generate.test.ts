import { describe, expect, it } from 'vitest';
import {
  generateProfileBatches,
  generateProfiles,
} from '../../../src/domain/profiles/generate/generate-profiles';
import { LIFECYCLE_EVENTS } from '../../../src/domain/profiles/generate/lifecycle';
import { profileSchema, type Profile } from '../../../src/domain/profiles/profile';

const start = Date.UTC(2022, 0, 1);
const end = Date.UTC(2025, 0, 1);
const options = { count: 5_000, seed: 'wayfinder', start, end };
const profiles = generateProfiles(options);
const share = (test: (p: Profile) => boolean): number =>
  profiles.filter(test).length / profiles.length;

describe('generateProfiles', () => {
  it('is deterministic per seed and independent of count', () => {
    expect(generateProfiles({ ...options, count: 200 })).toEqual(profiles.slice(0, 200));
    expect(generateProfiles({ ...options, count: 50, seed: 'other' })).not.toEqual(
      profiles.slice(0, 50),
    );
  });

  it('makes valid profiles with unique ids and sorted events inside the period', () => {
    expect(new Set(profiles.map((p) => p.id)).size).toBe(profiles.length);
    for (const profile of profiles.slice(0, 500)) {
      expect(profileSchema.safeParse(profile).success).toBe(true);
      const times = profile.events.map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const t of times) expect(t >= start && t < end).toBe(true);
      expect(profile.events[0]?.name).toBe('signed_up');
    }
  });

  it('keeps consent rates near their targets', () => {
    expect(share((p) => p.attributes.consent.email === true)).toBeCloseTo(0.7, 1);
    expect(share((p) => p.attributes.consent.sms === true)).toBeCloseTo(0.35, 1);
    expect(share((p) => p.attributes.consent.push === true)).toBeCloseTo(0.4, 1);
    expect(share((p) => p.attributes.consent.in_app === true)).toBeCloseTo(0.85, 1);
    // Consent only where the channel can reach the customer.
    expect(share((p) => p.attributes.consent.sms === true && !p.attributes.phone)).toBe(0);
  });

  it('spreads countries, time zones, plans and ages realistically', () => {
    expect(share((p) => p.attributes.country === 'US')).toBeGreaterThan(0.25);
    expect(share((p) => p.attributes.country === 'US')).toBeLessThan(0.45);
    expect(
      share((p) => p.attributes.country === 'FR' && p.attributes.timeZone !== 'Europe/Paris'),
    ).toBe(0);
    expect(share((p) => p.attributes.plan === 'free')).toBeCloseTo(0.55, 1);
    const ages = profiles.flatMap((p) =>
      p.attributes.birthday ? [2024 - Number(p.attributes.birthday.slice(0, 4))] : [],
    );
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(17);
    expect(Math.max(...ages)).toBeLessThanOrEqual(94);
  });

  it('makes purchases heavy-tailed: the top 10% of buyers place over 30% of orders (BG/NBD, CDNOW-like)', () => {
    const orders = profiles
      .map((p) => p.events.filter((e) => e.name === 'order_placed').length)
      .filter((n) => n > 0)
      .sort((a, b) => b - a);
    const total = orders.reduce((a, b) => a + b, 0);
    const top = orders.slice(0, Math.ceil(orders.length / 10)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.3);
    expect(share((p) => p.attributes.custom.orders === 0)).toBeGreaterThan(0.3);
  });

  it('writes the lifecycle events with their props and a matching ltv', () => {
    const names = new Set(profiles.flatMap((p) => p.events.map((e) => e.name)));
    for (const name of LIFECYCLE_EVENTS) {
      expect(names.has(name)).toBe(true);
    }
    for (const p of profiles.slice(0, 300)) {
      const orders = p.events.filter((e) => e.name === 'order_placed');
      const ltv = orders.reduce((s, e) => s + Number(e.props?.amount), 0);
      expect(p.attributes.custom.ltv).toBeCloseTo(ltv, 1);
      for (const e of p.events.filter((x) => x.name === 'nps_response')) {
        expect(Number(e.props?.score)).toBeGreaterThanOrEqual(0);
        expect(Number(e.props?.score)).toBeLessThanOrEqual(10);
      }
      expect(p.attributes.custom.renewalDate === undefined).toBe(p.attributes.plan === 'free');
    }
  });

  it('yields batches with progress and stops when aborted', () => {
    const progress: number[] = [];
    const batches = [
      ...generateProfileBatches(
        { ...options, count: 250, onProgress: (d) => progress.push(d) },
        100,
      ),
    ];
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(progress).toEqual([100, 200, 250]);
    expect(batches.flat()).toEqual(profiles.slice(0, 250));
    const controller = new AbortController();
    const it = generateProfileBatches({ ...options, signal: controller.signal }, 100);
    it.next();
    controller.abort();
    expect(() => it.next()).toThrow();
  });

  it('rejects impossible options', () => {
    expect(() => generateProfiles({ ...options, count: 0 })).toThrow(RangeError);
    expect(() => generateProfiles({ ...options, count: 200_001 })).toThrow(RangeError);
    expect(() => generateProfiles({ ...options, end: start })).toThrow(RangeError);
  });
});
