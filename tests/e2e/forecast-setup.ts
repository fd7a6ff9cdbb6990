import type { Page } from '@playwright/test';

/** What a forecast is of: journey `a`, against `b` when given, over `set` (its option's label). */
export interface ForecastSetup {
  a: string;
  b?: string;
  set: string;
  replications: number;
}

/**
 * Goes to the forecast page from the main navigation and fills its setup form, short of running
 * it. Shared by the browser tests and the forecast page's bench (no test fixtures here).
 */
export async function fillForecastSetup(page: Page, setup: ForecastSetup): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Forecast' })
    .click();
  const form = page.getByRole('form', { name: 'Forecast setup' });
  await form.getByLabel('Journey (A)').selectOption({ label: setup.a });
  if (setup.b !== undefined)
    await form.getByLabel('Compare with (B)').selectOption({ label: setup.b });
  await form.getByLabel('Profile set').selectOption({ label: setup.set });
  await form.getByLabel('Replications').fill(String(setup.replications));
}
