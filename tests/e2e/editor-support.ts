import type { Page } from '@playwright/test';
import { journeyToFileText, type JourneyDocument } from '../../src/domain/index.ts';
import { expect } from './fixtures';

/** The journey canvas, named as screen readers hear it. */
export const canvas = (page: Page) => page.getByRole('application', { name: 'Journey canvas' });

/** A step on the canvas, by its accessible name ("Event step …"). */
export const node = (page: Page, name: string | RegExp) =>
  canvas(page).getByRole('group', { name });

/** The side panel: the selected step's settings, the journey's, or the problems. */
export const side = (page: Page) =>
  page.getByRole('complementary', { name: 'Step and journey settings' });

/** Creates a blank journey from the list and waits for the empty editor. */
export async function newBlankJourney(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'New journey' }).click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('radio', { name: /Blank journey/ }).check();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create journey' }).click();
  await expect(page).toHaveURL(/\/journeys\//);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Opens a stored journey (a demo one) from the list and waits for its trigger on the canvas. */
export async function openJourney(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(node(page, /^Event step/)).toBeVisible();
}

/**
 * Waits until the view stops moving (auto-layout, fit view and follow animate it): the same
 * transform over half a second. A loaded machine can skip frames for 100 ms in mid-animation,
 * so two equal readings 100 ms apart did not prove the animation had ended.
 */
export async function viewSettled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  let unchanged = 0;
  await expect
    .poll(
      async () => {
        const now = (await viewport.getAttribute('style')) ?? '';
        unchanged = now === last ? unchanged + 1 : 0;
        last = now;
        return unchanged;
      },
      { intervals: [100] },
    )
    .toBeGreaterThanOrEqual(5);
}

/** Imports a journey document from the list as a file, and opens it in the editor. */
export async function importAndOpen(page: Page, document: JourneyDocument): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Import a journey file').setInputFiles({
    name: 'journey.journey.json',
    mimeType: 'application/json',
    buffer: Buffer.from(journeyToFileText(document)),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await page.getByRole('link', { name: document.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: document.name })).toBeVisible();
  // A large journey draws only the steps in view.
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}
