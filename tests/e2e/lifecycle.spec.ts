import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { expectAxeClean, screenshots } from './strategist-support';

/** The four templates the demo does not store, with the stage each serves. */
const MORE_TEMPLATES = ['Delivery follow-up', 'Win-back', 'Renewal and up-sell', 'Birthday offer'];

const STAGES: [string, string | null][] = [
  ['First contact', 'Welcome series'],
  ['First purchase', 'Abandoned cart'],
  ['Delivery follow-up', 'Delivery follow-up'],
  ['After-sales service', 'Post-purchase NPS'],
  ['Renewal, cross- and up-sell', 'Renewal and up-sell'],
  ['Win-back', 'Win-back'],
];

async function createFromTemplate(page: Page, template: string) {
  await page.getByRole('button', { name: 'New journey' }).click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('radio', { name: new RegExp(`^${template}`) }).check();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(template);
  await dialog.getByRole('button', { name: 'Create journey' }).click();
  await expect(page.getByRole('heading', { level: 1, name: template })).toBeVisible();
  await page.getByRole('link', { name: '← Journeys' }).click();
}

const lifecycle = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lifecycle' });
const stage = (page: Page, label: string) => page.getByRole('region', { name: label, exact: true });

test('the lifecycle overview flags empty stages, then shows all seven templates with figures', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Journeys' })).toContainText('Post-purchase NPS');
  await lifecycle(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lifecycle overview' })).toBeVisible();
  // The demo holds three journeys: three stages have none, and say so.
  for (const label of ['Delivery follow-up', 'Renewal, cross- and up-sell', 'Win-back']) {
    await expect(stage(page, label).getByRole('note')).toContainText('No journey in this stage.');
  }
  await expect(stage(page, 'First contact').getByRole('note')).toHaveCount(0);

  await page.getByRole('link', { name: 'Journeys', exact: true }).click();
  for (const template of MORE_TEMPLATES) await createFromTemplate(page, template);
  await lifecycle(page).click();
  await page.getByRole('button', { name: 'Simulate 7 journeys without current figures' }).click();
  await expect(page.getByRole('button', { name: 'Every journey has current figures' })).toBeVisible(
    { timeout: 180_000 },
  );

  for (const [label, journey] of STAGES) {
    const column = stage(page, label);
    await expect(column.getByRole('note')).toHaveCount(0);
    const figures = column.getByRole('definition');
    await expect(column.getByRole('link', { name: journey ?? '' })).toBeVisible();
    await expect(column.getByLabel(`Last simulated figures of ${journey}`)).toContainText(
      /Entered[\d,]+Conversion(\d+(\.\d)?%|no goal)Revenue(\$[\d,.]+|no goal)Messages \/ profile \/ week[\d.]+/,
    );
    expect(await figures.count()).toBe(4);
    await expect(column.getByLabel(`Message pressure in ${label}`)).toContainText(
      /[\d.]+ messages per customer per week from the stage’s 1 simulated journey\./,
    );
  }
  const unassigned = page.getByRole('region', { name: 'Not assigned to a stage' });
  await expect(unassigned.getByRole('link', { name: 'Birthday offer' })).toBeVisible();
  await expect(unassigned.getByLabel('Last simulated figures of Birthday offer')).toContainText(
    'Entered',
  );
  await expectAxeClean(page);
  await screenshots(page, 'lifecycle');
});
