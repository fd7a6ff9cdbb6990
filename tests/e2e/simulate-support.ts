import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { node, openJourney } from './editor-support';

/** Opens `journey` in the editor and simulates it until the counts are drawn on its steps. */
export async function simulateOnCanvas(page: Page, journey: string): Promise<void> {
  await openJourney(page, journey);
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  const run = page
    .getByRole('region', { name: 'Simulate' })
    .getByRole('button', { name: 'Run simulation' });
  await expect(run).toBeEnabled({ timeout: 30_000 });
  await run.click();
  await expect(node(page, /^Event step/).locator('.step-node__count')).toContainText(/entered/, {
    timeout: 60_000,
  });
}
