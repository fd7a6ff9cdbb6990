import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Goes to the forecast page from the main navigation and runs a forecast of journey `a` (against
 * `b` when given) over the demo customers, waiting until every replication is done.
 */
export async function runDemoForecast(
  page: Page,
  { a, b, replications = 20 }: { a: string; b?: string; replications?: number },
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Forecast' })
    .click();
  const setup = page.getByRole('form', { name: 'Forecast setup' });
  await setup.getByLabel('Journey (A)').selectOption({ label: a });
  if (b !== undefined) await setup.getByLabel('Compare with (B)').selectOption({ label: b });
  await setup.getByLabel('Profile set').selectOption({ label: 'Demo customers (5,000)' });
  await setup.getByLabel('Replications').fill(String(replications));
  await setup.getByRole('button', { name: 'Run forecast' }).click();
  await expect(page.getByText(`${replications} of ${replications} replications done`)).toBeVisible({
    timeout: 120_000,
  });
}
