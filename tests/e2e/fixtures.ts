import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

interface Fixtures {
  /** Console errors a spec expects (e.g. Chromium's "Failed to load resource" for an intended 503). */
  allowedConsoleErrors: RegExp[];
  consoleErrors: string[];
}

/**
 * Chromium logs this when something tries to run script in the email preview's frame, which is
 * sandboxed without scripts on purpose (its document is DOMPurify-sanitised under a
 * `default-src 'none'` policy, so it holds no script of ours): the attempt comes from the test
 * driver reaching into frames. Blocking it is the sandbox doing its job, not an app error.
 */
const SANDBOXED_PREVIEW =
  /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/;

/** Every browser test fails on a console error or an uncaught page error. */
export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      const allowed = [SANDBOXED_PREVIEW, ...allowedConsoleErrors];
      const record = (text: string) => {
        if (!allowed.some((pattern) => pattern.test(text))) errors.push(text);
      };
      page.on('console', (msg) => {
        if (msg.type() === 'error') record(msg.text());
      });
      // React 19 reports an error it recovered from (production #520) through `reportError`,
      // which reaches Playwright as a page error: a spec that expects it allows it like a log.
      page.on('pageerror', (err) => record(err.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Runs axe-core on what the page shows now (or inside `include`, a CSS selector such as an open
 * dialog or menu) and fails on any serious or critical violation, naming the rule and the nodes.
 */
export async function expectNoSeriousA11yViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include !== undefined) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, 'serious or critical accessibility violations').toEqual([]);
}
