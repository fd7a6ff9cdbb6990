import { copyFile, readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Creates a blank journey from the list and waits for the empty editor. */
async function newBlankJourney(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'New journey' }).click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('radio', { name: /Blank journey/ }).check();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create journey' }).click();
  await expect(page).toHaveURL(/\/journeys\//);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const pane = (page: Page) => page.locator('.react-flow__pane');
const canvas = (page: Page) => page.getByRole('application', { name: 'Journey canvas' });
const canvasStatus = (page: Page) => page.locator('.canvas-status');
const problemsButton = (page: Page) =>
  page.locator('.editor-header').getByRole('button', { name: /No problems|error|warning/ });
const side = (page: Page) => page.getByRole('complementary', { name: 'Step and journey settings' });
const node = (page: Page, name: string | RegExp) => canvas(page).getByRole('group', { name });

/** Drags a palette item onto the canvas, its centre landing at (x, y) inside the surface. */
async function dropFromPalette(page: Page, kind: string, x: number, y: number) {
  const item = page.getByRole('navigation', { name: 'Step palette' }).getByRole('button', {
    name: kind,
    exact: true,
  });
  await item.dragTo(pane(page), { targetPosition: { x, y } });
  await expect(side(page).getByRole('heading', { level: 2, name: kind })).toBeVisible();
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (box === null) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with the real mouse from one handle to another, hovering the target on the way. */
async function dragConnection(page: Page, from: Locator, to: Locator) {
  const a = await centre(from);
  const b = await centre(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

async function connect(page: Page, fromHandle: string, intoStep: string) {
  const before = await page.locator('.react-flow__edge').count();
  await dragConnection(page, canvas(page).getByLabel(fromHandle), canvas(page).getByLabel(`Into ${intoStep}`));
  await expect(page.locator('.react-flow__edge')).toHaveCount(before + 1);
}

/** The number of problems the header reports. */
async function problemCount(page: Page): Promise<number> {
  const text = (await problemsButton(page).textContent()) ?? '';
  return [...text.matchAll(/(\d+) (error|warning)/g)].reduce((n, m) => n + Number(m[1]), 0);
}

async function expectFewerProblems(page: Page, than: number): Promise<number> {
  await expect.poll(() => problemCount(page)).toBeLessThan(than);
  return problemCount(page);
}

test('builds a welcome series by dragging, connecting and configuring, then keeps it', async ({
  page,
}, testInfo) => {
  await newBlankJourney(page, 'Welcome series');
  // An empty journey has one problem: nothing starts it.
  await expect(problemsButton(page)).toHaveText('1 error');

  // Place every step by dragging it from the palette.
  await dropFromPalette(page, 'Event', 150, 130);
  await side(page).getByRole('combobox', { name: 'Event' }).fill('signed_up');
  let problems = await problemCount(page);

  await dropFromPalette(page, 'Email', 470, 130);
  await side(page).getByRole('textbox', { name: 'Subject' }).fill('Welcome to Wayfinder Shop');
  await side(page)
    .getByRole('textbox', { name: 'Body' })
    .fill('Thanks for joining! Here is 10% off your first order.');

  await dropFromPalette(page, 'Delay', 150, 330);
  await side(page).getByRole('spinbutton', { name: 'Amount' }).fill('2');
  await expect(side(page).getByRole('combobox', { name: 'Unit' })).toHaveValue('days');

  await dropFromPalette(page, 'If / else', 470, 330);
  const settings = side(page).getByRole('group', { name: 'If / else settings' });
  await settings.getByRole('button', { name: 'Add event rule' }).click();
  const rule = settings.getByRole('textbox', { name: /event$/ });
  await rule.fill('order_placed');
  await expect(settings.getByRole('combobox', { name: /comparison$/ })).toHaveValue('at_least');
  await settings.getByRole('spinbutton', { name: /count$/ }).fill('1');
  await settings.getByRole('spinbutton', { name: /within days$/ }).fill('7');

  await dropFromPalette(page, 'Exit', 150, 540);
  await dropFromPalette(page, 'SMS', 470, 560);
  await side(page).getByRole('textbox', { name: 'Text' }).fill('Still browsing? Your 10% code WELCOME10 is waiting.');
  problems = await problemCount(page);
  expect(problems).toBeGreaterThan(0);

  // Connect the handles with the mouse; each connection clears a problem or more.
  await connect(page, 'Next branch of Event', 'Email');
  problems = await expectFewerProblems(page, problems);
  await connect(page, 'Next branch of Email', 'Delay');
  problems = await expectFewerProblems(page, problems);
  await connect(page, 'Next branch of Delay', 'If / else');
  problems = await expectFewerProblems(page, problems);
  await connect(page, 'Yes branch of If / else', 'Exit');
  problems = await expectFewerProblems(page, problems);
  await connect(page, 'No branch of If / else', 'SMS');
  await expect(problemsButton(page)).toHaveText('No problems');
  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect(side(page).getByText('No problems')).toBeVisible();

  await expect(node(page, 'If / else step: If / else')).toContainText(
    /order_placed at least 1 time/,
  );
  await expect(node(page, 'Delay step: Delay')).toContainText('Wait 2 days');

  // Undo takes the last connection away, redo brings it back.
  await pane(page).click({ position: { x: 600, y: 40 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(problemsButton(page)).not.toHaveText('No problems');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await expect(problemsButton(page)).toHaveText('No problems');

  // Tidy it up and look at it.
  await page.getByRole('toolbar', { name: 'Canvas tools' }).getByRole('button', { name: 'Auto-layout' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await page.waitForTimeout(400);
  const shot = testInfo.outputPath('welcome-series.png');
  await page.screenshot({ path: shot });
  await copyFile(shot, '/tmp/editor-welcome.png');

  // A reload finds it intact.
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await expect(problemsButton(page)).toHaveText('No problems');
  await expect(node(page, 'SMS step: SMS')).toContainText('Still browsing?');
  await expect(node(page, 'Event step: Event')).toContainText('When signed_up');

  // Export from the journey list, import the file as a copy.
  await page.getByRole('link', { name: '← Journeys' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Welcome series' }).click();
  const download = await downloading;
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe('welcome-series.journey.json');
  const exported = JSON.parse(await readFile(file, 'utf8')) as { steps: unknown[] };
  expect(exported.steps).toHaveLength(6);

  await page.getByLabel('Import a journey file').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'Welcome series (imported)',
  );
  const table = page.getByRole('table', { name: 'Journeys' });
  const copy = table.getByRole('row', { name: /Welcome series \(imported\)/ });
  await expect(copy).toContainText('Ready');
  await expect(table.getByRole('row', { name: /^Welcome series/ })).toHaveCount(2);
  await copy.getByRole('link', { name: 'Welcome series (imported)' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(problemsButton(page)).toHaveText('No problems');
});
