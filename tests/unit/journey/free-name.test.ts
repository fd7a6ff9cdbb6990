import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFreeName } from '../../../src/domain/index.ts';

const copyName = (n: number) => (n === 1 ? 'Welcome (copy)' : `Welcome (copy ${n})`);

describe('firstFreeName', () => {
  it('takes the first number whose name is free', () => {
    expect(firstFreeName(new Set(), copyName)).toBe('Welcome (copy)');
    expect(firstFreeName(new Set(['Welcome', 'Welcome (copy)']), copyName)).toBe(
      'Welcome (copy 2)',
    );
    expect(firstFreeName(new Set(['Welcome (copy)', 'Welcome (copy 3)']), copyName)).toBe(
      'Welcome (copy 2)',
    );
  });

  it('never gives a taken name, whatever is taken', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 40 }).map(copyName), fc.string())),
        (names) => {
          const taken = new Set(names);
          const free = firstFreeName(taken, copyName);
          expect(taken.has(free)).toBe(false);
          expect(free).toMatch(/^Welcome \(copy( \d+)?\)$/);
        },
      ),
      { seed: 20261206, numRuns: 300 },
    );
  });
});
