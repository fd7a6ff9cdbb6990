import { describe, expect, it } from 'vitest';
import { hash32, isInControlGroup, pickVariant } from '../../../src/domain/index.ts';

describe('sticky draws', () => {
  it('hash32 is 32-bit FNV-1a', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
  });

  it('holds out about the configured share, always the same profiles', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `p${i}`);
    const held = ids.filter((id) => isInControlGroup(id, 'j1', 10));
    expect(held.length).toBeGreaterThan(900);
    expect(held.length).toBeLessThan(1100);
    expect(ids.filter((id) => isInControlGroup(id, 'j1', 10))).toEqual(held);
    expect(ids.some((id) => isInControlGroup(id, 'j1', 0))).toBe(false);
  });

  it('picks variants by share and sticks per profile and step', () => {
    const variants = [
      { key: 'a', percent: 20 },
      { key: 'b', percent: 80 },
    ];
    const picks = Array.from(
      { length: 10_000 },
      (_, i) => pickVariant(`p${i}`, 'split', variants)?.key,
    );
    const a = picks.filter((k) => k === 'a').length;
    expect(a).toBeGreaterThan(1800);
    expect(a).toBeLessThan(2200);
    expect(pickVariant('p1', 'split', variants)).toBe(pickVariant('p1', 'split', variants));
  });
});
