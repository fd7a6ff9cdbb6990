import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { newBlankJourney, node, openJourney, side } from './editor-support';

/** The side panel as a marketer meets it on a laptop: 1280 × 720, the panel at its width. */
test.use({ viewport: { width: 1280, height: 720 } });

const palette = (page: Page) => page.getByRole('navigation', { name: 'Step palette' });

/** Clicks every "+ …" button the panel shows now, once: filters, rules, groups, goals. */
async function addOneOfEach(panel: Locator) {
  const labels = await panel.getByRole('button').allInnerTexts();
  for (const label of new Set(labels.filter((text) => text.startsWith('+')))) {
    const before = await panel.locator('input, select, textarea').count();
    await panel.getByRole('button').filter({ hasText: label }).first().click();
    await expect
      .poll(() => panel.locator('input, select, textarea').count())
      .toBeGreaterThan(before);
  }
}

/** What in the panel is drawn past its right edge: cut off, out of reach of the eye. */
function pastTheRightEdge(panel: Locator): Promise<string[]> {
  return panel.evaluate((element) => {
    const edge = element.getBoundingClientRect().right;
    const cut: string[] = [];
    for (const child of element.querySelectorAll<HTMLElement>(
      'input, select, textarea, button, code, p, li',
    )) {
      const box = child.getBoundingClientRect();
      if (box.width > 0 && box.right > edge + 0.5) {
        const name = child.getAttribute('aria-label') ?? child.textContent ?? '';
        cut.push(
          `${child.tagName.toLowerCase()} "${name.slice(0, 40)}" ends at ${Math.round(box.right)} > ${Math.round(edge)}`,
        );
      }
    }
    return cut;
  });
}

test('every step kind’s settings, with a row of each kind added, fit the side panel at 1280 × 720', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await newBlankJourney(page, 'Room in the panel');
  const panel = side(page);
  await addOneOfEach(panel);
  const cut = new Map<string, string[]>();
  const check = async (what: string) => {
    const past = await pastTheRightEdge(panel);
    if (past.length > 0) cut.set(what, past);
  };
  await check('journey settings');
  const kinds = await palette(page).getByRole('listitem').getByRole('button').allInnerTexts();
  for (const kind of kinds) {
    await palette(page).getByRole('button', { name: kind, exact: true }).click();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('heading', { level: 2, name: kind })).toBeVisible();
    await addOneOfEach(panel);
    await check(kind);
    await page.keyboard.press('Escape');
  }
  expect(kinds).toHaveLength(21);
  expect(Object.fromEntries(cut)).toEqual({});
});

test('a journey opens with its settings, and a step’s form on its first Enter, both loaded on demand', async ({
  page,
}, testInfo) => {
  await openJourney(page, 'Welcome series');
  const panel = side(page);
  await expect(panel.getByRole('heading', { level: 2, name: 'Journey settings' })).toBeVisible();
  await expect(panel.locator('[aria-busy="true"]')).toHaveCount(0);
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`editor-opened-${width}.png`) });
  }
  // Where the panel's content starts: a form replacing another must not shift it.
  // (Its heading's top and height: a step's heading starts after its icon, a step's first field
  // is not the settings' first.)
  const placeOf = async (heading: string) => {
    const box = await panel.getByRole('heading', { level: 2, name: heading }).boundingBox();
    return { top: box?.y, height: box?.height };
  };
  const before = await placeOf('Journey settings');

  // Enter selects a step, its form replacing the settings; Enter again: focus lands in the form.
  await node(page, /^Email step/)
    .first()
    .focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { level: 2, name: 'Welcome email' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('textbox', { name: 'Step name' })).toBeFocused();
  expect(await placeOf('Welcome email')).toEqual(before); // the form took the settings' place
  await panel.getByRole('tab', { name: /Problems/ }).click();
  await expect(panel.locator('[aria-busy="true"]')).toHaveCount(0);
  await panel.getByRole('tab', { name: 'Step' }).click();
  await expect(panel.getByRole('textbox', { name: 'Step name' })).toBeVisible();
  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`step-form-${width}.png`) });
  }
});
