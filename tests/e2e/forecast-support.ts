import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { fillForecastSetup } from './forecast-setup';

/**
 * Goes to the forecast page from the main navigation and runs a forecast of journey `a` (against
 * `b` when given) over the demo customers, waiting until every replication is done.
 */
export async function runDemoForecast(
  page: Page,
  { a, b, replications = 20 }: { a: string; b?: string; replications?: number },
): Promise<void> {
  await fillForecastSetup(page, {
    a,
    ...(b === undefined ? {} : { b }),
    set: 'Demo customers (5,000)',
    replications,
  });
  await page
    .getByRole('form', { name: 'Forecast setup' })
    .getByRole('button', { name: 'Run forecast' })
    .click();
  await expect(page.getByText(`${replications} of ${replications} replications done`)).toBeVisible({
    timeout: 120_000,
  });
}
