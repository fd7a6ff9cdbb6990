import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, test, expect } from './fixtures';
import { openJourney } from './editor-support';

/** What a newcomer reads on a 1280 × 720 laptop: nothing cut short, nothing drawn over. */
test.use({ viewport: { width: 1280, height: 720 } });

/** The texts among `items` drawn cut short (wider than their box). */
async function cutShort(items: Locator): Promise<string[]> {
  return items.evaluateAll((elements) =>
    elements.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent ?? ''),
  );
}

async function paletteNamesCut(page: Page): Promise<string[]> {
  const palette = page.getByRole('navigation', { name: /Step palette|Palette/ });
  await expect(palette.getByRole('button').first()).toBeVisible();
  return cutShort(palette.locator('.palette__label'));
}

test('the step palette shows every kind of step by its whole name, in English and in French', async ({
  page,
}) => {
  await openJourney(page, 'Welcome series');
  expect(await paletteNamesCut(page)).toEqual([]);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: '← Journeys' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
  await page.getByRole('link', { name: 'Post-purchase NPS' }).first().click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(await paletteNamesCut(page)).toEqual([]);
});

test('a profile set’s table shows plans, sign-up days, event counts and last events whole', async ({
  page,
}) => {
  await page.goto('/profiles');
  await page.getByRole('link', { name: 'Demo customers' }).click();
  const table = page.getByRole('table', { name: 'Profiles' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // Plan, Signed up, Events and Last event: the 5th to 8th cells of each row drawn.
  const cells = table.locator('[role="row"] > :nth-child(n+5)');
  expect(await cells.count()).toBeGreaterThan(40);
  expect(await cutShort(cells)).toEqual([]);
  await expectNoSeriousA11yViolations(page);
});
