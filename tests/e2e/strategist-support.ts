import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** No axe violations on the page as it stands. */
export async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations.map((v) => ({
    id: v.id,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  expect(found).toEqual([]);
}

/** With SHOTS=dir set, full-page screenshots at 1280×720 and 1920×1080 for a person to look at. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS;
  if (dir === undefined || dir === '') return;
  const size = page.viewportSize();
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: false });
    await page.screenshot({ path: `${dir}/${name}-${width}-full.png`, fullPage: true });
    // The page scrolls inside the app's main area: each figure is captured on its own too.
    const figures = page.getByRole('figure');
    for (let i = 0; i < Math.min(await figures.count(), 4); i++) {
      await figures.nth(i).screenshot({ path: `${dir}/${name}-${width}-figure-${i}.png` });
    }
  }
  if (size) await page.setViewportSize(size);
}
