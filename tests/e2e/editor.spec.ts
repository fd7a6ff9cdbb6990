import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { benchJourney } from '../bench/canvas/bench-graph.ts';
import { test, expect } from './fixtures';
import { canvas, newBlankJourney, node, side, viewSettled } from './editor-support';

const pane = (page: Page) => page.locator('.react-flow__pane');
const canvasStatus = (page: Page) => page.locator('.canvas-status');
const problemsButton = (page: Page) =>
  page.locator('.editor-header').getByRole('button', { name: /No problems|error|warning/ });
const handle = (page: Page, name: string) =>
  canvas(page).getByRole('button', { name, exact: true });

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
  await dragConnection(page, handle(page, fromHandle), handle(page, `Into ${intoStep}`));
  await expect(page.locator('.react-flow__edge')).toHaveCount(before + 1);
}

/** The number of problems the header reports, once it describes the journey as edited. */
async function problemCount(page: Page): Promise<number> {
  // Validation runs a render behind the edit; the count says aria-busy until it caught up.
  await expect(problemsButton(page)).toHaveAttribute('aria-busy', 'false');
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
  await newBlankJourney(page, 'My welcome series');
  // An empty journey has one problem: nothing starts it.
  await expect(problemsButton(page)).toHaveText('1 error');

  // Place every step by dragging it from the palette.
  await dropFromPalette(page, 'Event', 150, 130);
  await side(page).getByRole('combobox', { name: 'Event' }).fill('signed_up');

  // Configuring a step in the side panel clears its problems as you type.
  await dropFromPalette(page, 'Email', 470, 130);
  let problems = await problemCount(page);
  await side(page).getByRole('textbox', { name: 'Subject' }).fill('Welcome to Wayfinder Shop');
  await side(page)
    .getByRole('textbox', { name: 'Body' })
    .fill(
      'Thanks for joining! Here is 10% off your first order. Unsubscribe: {{ journey.unsubscribe_url }}',
    );
  await expectFewerProblems(page, problems);

  await dropFromPalette(page, 'Delay', 150, 330);
  await side(page).getByRole('spinbutton', { name: 'Amount' }).fill('2');
  await expect(side(page).getByRole('combobox', { name: 'Unit' })).toHaveValue('days');

  await dropFromPalette(page, 'If / else', 470, 330);
  const settings = side(page).getByRole('group', { name: 'If / else settings' });
  await settings.getByRole('button', { name: 'Add event rule' }).click();
  const rule = settings.getByRole('group', { name: 'Rule 1 (event)' });
  await rule.getByRole('combobox', { name: 'Rule 1 event' }).fill('order_placed');
  await expect(rule.getByRole('combobox', { name: 'Rule 1 comparison' })).toHaveValue('at_least');
  await rule.getByRole('spinbutton', { name: 'Rule 1 count' }).fill('1');
  await rule.getByRole('spinbutton', { name: 'Rule 1 within days' }).fill('7');
  await expect(settings).toContainText('Matches: order_placed at least 1 time in the last 7 days');

  await dropFromPalette(page, 'Exit', 150, 540);
  await dropFromPalette(page, 'SMS', 470, 560);
  await side(page)
    .getByRole('textbox', { name: 'Text' })
    .fill('Still browsing? Your 10% code WELCOME10 is waiting. Reply STOP to opt out.');
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
  await expectFewerProblems(page, problems);
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

  // Tidy it up and look at it on a wide screen.
  await page.setViewportSize({ width: 1920, height: 1000 });
  await page
    .getByRole('toolbar', { name: 'Canvas tools' })
    .getByRole('button', { name: 'Auto-layout' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await viewSettled(page);
  const shot = testInfo.outputPath('welcome-series.png');
  await page.screenshot({ path: shot });

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
  await page.getByRole('button', { name: 'Export My welcome series' }).click();
  const download = await downloading;
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe('my-welcome-series.journey.json');
  const exported = JSON.parse(await readFile(file, 'utf8')) as { steps: unknown[] };
  expect(exported.steps).toHaveLength(6);

  await page.getByLabel('Import a journey file').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'My welcome series (imported)',
  );
  const table = page.getByRole('table', { name: 'Journeys' });
  const copy = table.getByRole('row', { name: /My welcome series \(imported\)/ });
  await expect(copy).toContainText('Ready');
  await expect(table.getByRole('row', { name: /^My welcome series/ })).toHaveCount(2);
  await copy.getByRole('link', { name: 'My welcome series (imported)' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(problemsButton(page)).toHaveText('No problems');
});

test('inserts on a connection by dropping and with "+", refuses a connection into a trigger, deletes and shows help', async ({
  page,
}) => {
  await newBlankJourney(page, 'Canvas gestures');
  await dropFromPalette(page, 'Event', 150, 150);
  await dropFromPalette(page, 'Email', 560, 150);
  await connect(page, 'Next branch of Event', 'Email');
  const edges = page.locator('.react-flow__edge');

  // A palette item dropped on the arrow lands between its two steps.
  await page
    .getByRole('navigation', { name: 'Step palette' })
    .getByRole('button', { name: 'Delay', exact: true })
    .dragTo(edges.first());
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await expect(edges).toHaveCount(2);
  await expect(
    canvas(page).getByRole('group', { name: 'Connection from Event (Next) to Delay' }),
  ).toHaveCount(1);
  await expect(
    canvas(page).getByRole('group', { name: 'Connection from Delay (Next) to Email' }),
  ).toHaveCount(1);

  // "+" on an arrow opens the insert menu; choosing a kind inserts it there.
  await canvas(page)
    .getByRole('button', { name: 'Insert a step between Delay (Next) and Email' })
    .last()
    .click();
  const menu = page.getByRole('menu', { name: 'Insert a step' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'SMS' }).click();
  await expect(menu).toBeHidden();
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(
    canvas(page).getByRole('group', { name: 'Connection from SMS (Next) to Email' }),
  ).toHaveCount(1);

  // Dragging an arrow into a trigger is refused, and the canvas says why.
  await page
    .getByRole('toolbar', { name: 'Canvas tools' })
    .getByRole('button', { name: 'Fit view' })
    .click();
  await viewSettled(page);
  await dragConnection(page, handle(page, 'Next branch of Email'), node(page, 'Event step: Event'));
  await expect(canvasStatus(page)).toHaveText(
    'Nothing can lead into a trigger: triggers are where people enter.',
  );
  await expect(edges).toHaveCount(3);

  // A keyboard user connects two handles with Enter.
  await dropFromPalette(page, 'Exit', 150, 420);
  await handle(page, 'Next branch of Email').focus();
  await page.keyboard.press('Enter');
  await expect(canvasStatus(page)).toContainText('Now choose the step to connect to');
  await handle(page, 'Into Exit').focus();
  await page.keyboard.press('Enter');
  await expect(
    canvas(page).getByRole('group', { name: 'Connection from Email (Next) to Exit' }),
  ).toHaveCount(1);

  // Delete removes the selected step (and its arrows); undo brings it back.
  await node(page, 'SMS step: SMS').click();
  // Delete acts on the selection: wait until the click has selected the step.
  await expect(node(page, 'SMS step: SMS').locator('.step-node')).toHaveClass(/is-selected/);
  await page.keyboard.press('Delete');
  await expect(node(page, 'SMS step: SMS')).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.keyboard.press('Control+z');
  await expect(node(page, 'SMS step: SMS')).toHaveCount(1);

  // "?" opens the shortcuts help.
  await pane(page).click({ position: { x: 600, y: 40 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Undo');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('a wide journey opens whole, each step in view with a readable name, with visible focus', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New journey' }).click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('radio', { name: /^Abandoned cart/ }).check();
  await dialog.getByRole('button', { name: 'Create journey' }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await viewSettled(page);

  await page.screenshot({ path: testInfo.outputPath('open-wide.png') });
  const transform = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  const zoom = Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
  expect(zoom).toBeGreaterThanOrEqual(0.3);
  expect(zoom).toBeLessThanOrEqual(1);
  for (const step of await canvas(page).locator('.react-flow__node').all())
    await expect(step).toBeInViewport({ ratio: 1 });
  const trigger = canvas(page)
    .getByRole('group', { name: /^(Event|Segment entry|Date|Scheduled audience) step/ })
    .first();
  // Step names at this zoom are at least 7 px tall on screen (the compact form enlarges them).
  const label = trigger.locator('.step-node__label');
  const box = await label.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(7);

  // Keyboard focus on a step and on a handle is drawn.
  await trigger.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(trigger).toBeFocused();
  expect(await trigger.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  const out = trigger.getByRole('button', { name: /^Next branch of/ });
  await out.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(out).toBeFocused();
  expect(await out.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.screenshot({ path: testInfo.outputPath('focus.png') });
});

test('a 400-step journey mounts only the steps in view, yet the minimap, arrows and problems list reach every step', async ({
  page,
}, testInfo) => {
  const journey = benchJourney(400);
  const last = journey.steps.at(-1);
  if (last === undefined) throw new Error('empty bench journey');
  const file = testInfo.outputPath('large.journey.json');
  await writeFile(file, JSON.stringify({ ...journey, name: 'Large journey' }));
  await page.goto('/');
  await page.getByLabel('Import a journey file').setInputFiles(file);
  await page.getByRole('link', { name: 'Large journey', exact: true }).click();
  await expect(node(page, 'Event step: Event 0')).toBeInViewport();
  await viewSettled(page);

  const mounted = await page.locator('.react-flow__node').count();
  expect(mounted).toBeGreaterThan(5);
  expect(mounted).toBeLessThan(120);
  await expect(page.locator('.react-flow__minimap-node')).toHaveCount(400);
  // Every connection is drawn as an arrow only where one of its ends is on screen.
  expect(await page.locator('.react-flow__edge').count()).toBeLessThan(400);

  // Choosing a problem of a step far off screen brings it into view, mounted and selected.
  const far = node(page, new RegExp(`step: ${last.label}$`));
  await expect(far).toHaveCount(0);
  await problemsButton(page).click();
  await page
    .getByRole('region', { name: 'Problems' })
    .getByRole('button', { name: new RegExp(last.label) })
    .first()
    .click();
  await expect(far).toBeInViewport();
  await expect(far.locator('.step-node')).toHaveClass(/is-selected/);
});
