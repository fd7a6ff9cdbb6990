import { afterAll, beforeAll } from 'vitest';

const SIZES = ['clientHeight', 'clientWidth'] as const;

/**
 * jsdom has no layout: gives every element a `size`-pixel viewport for the file's tests, so
 * virtualised lists render their rows, and puts jsdom's own back afterwards.
 */
export function withLayoutViewport(size = 600): void {
  const saved = SIZES.map((key) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, key));
  beforeAll(() => {
    for (const key of SIZES)
      Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => size });
  });
  afterAll(() => {
    SIZES.forEach((key, i) => {
      const descriptor = saved[i];
      if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
    });
  });
}
