import { test as base, expect } from '@playwright/test';

interface Fixtures {
  /** Console errors a spec expects (e.g. Chromium's "Failed to load resource" for an intended 503). */
  allowedConsoleErrors: RegExp[];
  consoleErrors: string[];
}

/** Every browser test fails on a console error or an uncaught page error. */
export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (!allowedConsoleErrors.some((allowed) => allowed.test(text))) errors.push(text);
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
