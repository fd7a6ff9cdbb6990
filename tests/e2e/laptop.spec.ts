import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, test, expect } from './fixtures';
import { TEMPLATES } from '../../src/domain/templates/templates';
import { canvas, newBlankJourney, node, openJourney, side, viewSettled } from './editor-support';
import { simulateOnCanvas } from './simulate-support';

/** The editor as a marketer meets it on a laptop: 1280 × 720. */
test.use({ viewport: { width: 1280, height: 720 } });

const LAPTOP = { width: 1280, height: 720 };
const surface = (page: Page) => page.locator('.journey-canvas__surface');

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (b === null) throw new Error('not drawn');
  return b;
}

/** The canvas's share of the window. */
async function canvasShare(page: Page): Promise<number> {
  const b = await box(surface(page));
  return (b.width * b.height) / (LAPTOP.width * LAPTOP.height);
}

/** Whether a step is wholly inside the canvas (not under a panel, not off screen). */
async function expectInCanvas(page: Page, step: Locator) {
  await expect
    .poll(async () => {
      const s = await step.boundingBox();
      const c = await surface(page).boundingBox();
      if (s === null || c === null) return false;
      return (
        s.x >= c.x &&
        s.y >= c.y &&
        s.x + s.width <= c.x + c.width &&
        s.y + s.height <= c.y + c.height
      );
    })
    .toBe(true);
}

/** The zoom of the view, read from React Flow's transform. */
async function zoom(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1]);
}

/** What the view draws over the canvas: a step under one of these is hidden from the user. */
const OVERLAYS = ['.canvas-toolbar', '.react-flow__minimap', '.react-flow__controls'];

test('opens each demo journey fitted to the canvas: every step inside it, clear of the toolbar, minimap and zoom buttons', async ({
  page,
}) => {
  for (const id of ['welcome-series', 'abandoned-cart', 'post-purchase-nps']) {
    const template = TEMPLATES.find((t) => t.id === id);
    if (template === undefined) throw new Error(`no template ${id}`);
    await openJourney(page, template.name);
    await viewSettled(page);
    const steps = canvas(page).locator('.react-flow__node');
    await expect(steps).toHaveCount(template.build(0).steps.length);
    const room = await box(surface(page));
    const covers = await Promise.all(OVERLAYS.map((o) => box(page.locator(o))));
    for (const step of await steps.all()) {
      const b = await box(step);
      const name = `${template.name}: ${await step.getAttribute('aria-label')}`;
      expect(b.x, name).toBeGreaterThanOrEqual(room.x);
      expect(b.y, name).toBeGreaterThanOrEqual(room.y);
      expect(b.x + b.width, name).toBeLessThanOrEqual(room.x + room.width);
      expect(b.y + b.height, name).toBeLessThanOrEqual(room.y + room.height);
      for (const c of covers) {
        const overlaps =
          b.x < c.x + c.width &&
          c.x < b.x + b.width &&
          b.y < c.y + c.height &&
          c.y < b.y + b.height;
        expect(overlaps, `${name} is under an overlay`).toBe(false);
      }
    }
  }
});

test('a 200-character journey name is cut short in the header; its actions and notes stay whole, on one line', async ({
  page,
}) => {
  const name = `Spring re-engagement for lapsed loyalty members ${'and their friends '.repeat(9)}`
    .slice(0, 200)
    .trim();
  await newBlankJourney(page, name);
  const header = page.locator('.editor-header');
  const title = header.getByRole('heading', { level: 1 });
  // The name gives way (cut with an ellipsis, whole on hover and for screen readers)…
  expect(await title.evaluate((h) => h.scrollWidth > h.clientWidth)).toBe(true);
  await expect(title).toHaveAttribute('title', name);
  // …and nothing else does: each action and note is one line, inside the window.
  const blocked = header.getByText(/^Fix \d+ errors? to publish\.$/);
  await expect(blocked).toBeVisible();
  for (const item of [blocked, header.getByRole('button', { name: /errors?|warnings?/ })]) {
    const b = await box(item);
    expect(b.height).toBeLessThanOrEqual(32);
    expect(b.x + b.width).toBeLessThanOrEqual(LAPTOP.width);
  }
  expect(await blocked.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
});

test('room: the canvas has 60 % of a 1280 × 720 window with the panels open, 85 % with them hidden, remembered', async ({
  page,
}) => {
  await openJourney(page, 'Welcome series');
  await expectNoSeriousA11yViolations(page);
  const open = await canvasShare(page);
  expect(open).toBeGreaterThanOrEqual(0.6);
  if (process.env.README_SHOTS)
    await page.screenshot({ path: 'docs/editor-laptop-panels-open.png' });

  // Palette: one line per kind; the description is a tooltip on focus.
  const email = page.getByRole('navigation', { name: 'Step palette' }).getByRole('button', {
    name: 'Email',
    exact: true,
  });
  expect((await box(email)).height).toBeLessThanOrEqual(32);
  await expect(email).toHaveAccessibleDescription('Send an email.');

  await page.getByRole('button', { name: 'Hide the step palette' }).click();
  await page.getByRole('button', { name: 'Hide the side panel' }).click();
  await expect(page.getByRole('navigation', { name: 'Step palette' })).toHaveCount(0);
  await expect(side(page)).toBeHidden();
  const collapsed = await canvasShare(page);
  expect(collapsed).toBeGreaterThanOrEqual(0.85);
  await expectNoSeriousA11yViolations(page);
  if (process.env.README_SHOTS) {
    await page.getByRole('button', { name: 'Fit view' }).click();
    await viewSettled(page);
    await page.screenshot({ path: 'docs/editor-laptop-panels-hidden.png' });
  }
  console.log(
    `canvas share at 1280×720: ${(open * 100).toFixed(1)} % open, ${(collapsed * 100).toFixed(1)} % hidden`,
  );

  // Remembered: a reload keeps them hidden; the toolbar and the corner button bring them back.
  await page.reload();
  await expect(node(page, /^Event step/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Step palette' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Step palette' }).click();
  await page.getByRole('button', { name: 'Show the side panel' }).click();
  await expect(page.getByRole('navigation', { name: 'Step palette' })).toBeVisible();
  await expect(side(page)).toBeVisible();

  // Resizable from the keyboard too.
  const before = (await box(side(page))).width;
  await page.getByRole('separator', { name: 'Resize the side panel' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await box(side(page))).width).toBe(before + 32);
});

test('readable counts: after a simulation, counts are at least 11 px tall at the opening zoom and after Fit view', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await simulateOnCanvas(page, 'Welcome series');
  const panel = page.getByRole('region', { name: 'Simulate' });
  const run = panel.getByRole('button', { name: 'Run simulation' });
  const count = node(page, /^Event step/).locator('.step-node__count');
  await viewSettled(page);
  await expectNoSeriousA11yViolations(page);
  const opening = (await box(count)).height;
  const openingZoom = await zoom(page);
  // The text's drawn size: its font size times every scale on the way (the view's zoom and the
  // count's own inverse-zoom scale), read as the drawn box over the laid-out box.
  const fontPx = async () =>
    count.evaluate((el) => {
      const drawn = el.getBoundingClientRect().height / (el as HTMLElement).offsetHeight;
      return parseFloat(getComputedStyle(el).fontSize) * drawn;
    });
  expect(await fontPx()).toBeGreaterThanOrEqual(11);
  expect(opening).toBeGreaterThanOrEqual(11);

  await page.getByRole('button', { name: 'Fit view' }).click();
  await viewSettled(page);
  const fitZoom = await zoom(page);
  // The journey opens whole, so Fit view zooms out no further than the opening did.
  expect(fitZoom).toBeLessThanOrEqual(openingZoom);
  expect(await fontPx()).toBeGreaterThanOrEqual(11);
  expect((await box(count)).height).toBeGreaterThanOrEqual(11);
  // Far out, steps draw their compact form.
  await expect(surface(page)).toHaveAttribute('data-compact', '');
  console.log(
    `count text: ${(await fontPx()).toFixed(1)} px at zoom ${fitZoom.toFixed(2)} (opening zoom ${openingZoom.toFixed(2)}, box ${opening.toFixed(1)} px)`,
  );

  // The drawer collapses to its bar and comes back with the run kept.
  await panel.getByRole('button', { name: 'Collapse' }).click();
  await expect(run).toBeHidden();
  await expect(count).toBeVisible();
  await panel.getByRole('button', { name: 'Expand' }).click();
  await expect(panel.getByRole('group', { name: 'Entered' })).toBeVisible();
});

test('a new step is in view and focused after each way of adding it', async ({ page }) => {
  await openJourney(page, 'Welcome series');
  const palette = page.getByRole('navigation', { name: 'Step palette' });
  const focusedStep = page.locator('.react-flow__node:focus');

  // Palette click with nothing selected: at the centre of the view.
  await palette.getByRole('button', { name: 'Webhook', exact: true }).click();
  await expect(focusedStep).toHaveAttribute('aria-label', /^Webhook step/);
  await expectInCanvas(page, focusedStep);

  // Palette Enter with a step selected: after it, and the view follows.
  await page.getByRole('button', { name: 'Fit view' }).click();
  await viewSettled(page);
  await node(page, /^Push step/).click();
  await palette.getByRole('button', { name: 'SMS', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(focusedStep).toHaveAttribute('aria-label', /^SMS step/);
  await expectInCanvas(page, focusedStep);

  // "A" on the selected step: the insert menu after it, from the keyboard.
  await page.keyboard.press('a');
  await expect(page.getByRole('menu', { name: 'Insert a step' })).toBeVisible();
  await page.keyboard.type('in');
  await page.keyboard.press('Enter');
  await expect(focusedStep).toHaveAttribute('aria-label', /^In-app message step/);
  await expectInCanvas(page, focusedStep);

  // "+" on a connection, from the insert menu.
  await canvas(page)
    .getByRole('button', { name: /^Insert a step between .+ \(Next\) and / })
    .first()
    .focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Insert a step' });
  await expect(menu).toBeVisible();
  await expectNoSeriousA11yViolations(page, '[role="menu"]');
  await page.keyboard.type('de');
  await expect(menu.getByRole('menuitem', { name: 'Delay' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(focusedStep).toHaveAttribute('aria-label', /^Delay step/);
  await expectInCanvas(page, focusedStep);

  // Paste: the copies are selected, in view and the first focused.
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.canvas-status')).toContainText('Pasted 1 step');
  await expect(focusedStep).toHaveAttribute('aria-label', /^Delay step/);
  await expectInCanvas(page, focusedStep);

  // Status messages are announced politely and go away by themselves.
  await expect(page.locator('.canvas-status')).toHaveAttribute('aria-live', 'polite');
  await expect(page.locator('.canvas-status')).toHaveText('', { timeout: 10_000 });
});

test('keyboard only: a trigger and a connected, configured email from a blank journey in at most 40 key presses', async ({
  page,
}) => {
  await newBlankJourney(page, 'Keyboard only');
  let presses = 0;
  const press = async (key: string) => {
    presses += 1;
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    for (const character of text) await press(character);
  };
  // The blank journey offers its first step: focus starts there.
  const addTrigger = page.getByRole('button', { name: 'Add a trigger' });
  await expect(addTrigger).toBeFocused();
  await press('Enter');
  const triggers = page.getByRole('menu', { name: 'Add a trigger' });
  await expect(triggers.getByRole('menuitem').first()).toBeFocused();
  await press('Enter'); // Event, the first trigger
  const trigger = node(page, /^Event step/);
  await expect(trigger).toBeFocused();
  await press('Enter'); // to its settings
  await expect(side(page).getByRole('textbox', { name: 'Step name' })).toBeFocused();
  await press('Tab');
  await type('signup');
  await press('Escape'); // back to the step
  await expect(trigger).toBeFocused();
  await press('a'); // add after it
  await expect(page.getByRole('menu', { name: 'Insert a step' })).toBeVisible();
  await expect(page.getByRole('menu', { name: 'Insert a step' }).locator(':focus')).toHaveCount(1);
  await type('em');
  // Typeahead moves the focus; Enter must not land before it did.
  await expect(
    page.getByRole('menu', { name: 'Insert a step' }).getByRole('menuitem', { name: 'Email' }),
  ).toBeFocused();
  await press('Enter');
  const email = node(page, /^Email step/);
  await expect(email).toBeFocused();
  await expect(canvas(page).locator('.react-flow__edge')).toHaveCount(1);
  await press('Enter');
  await expect(side(page).getByRole('textbox', { name: 'Step name' })).toBeFocused();
  await press('Tab');
  await type('Hi');
  await press('Tab');
  await press('Tab');
  await type('Hi');
  await expect(
    page.locator('.editor-header').getByRole('button', { name: /problem|error|warning/ }),
  ).not.toHaveText(/error/);
  console.log(`keyboard-only build: ${presses} key presses`);
  expect(presses).toBeLessThanOrEqual(40);
});

test('a blank journey shows where to begin; the hint goes once a trigger exists; a template fills it', async ({
  page,
}) => {
  await newBlankJourney(page, 'Guided');
  const guidance = page.getByRole('region', { name: 'Getting started' });
  await expect(guidance).toBeVisible();
  await expect(guidance.getByRole('button', { name: 'Add a trigger' })).toBeVisible();
  await expect(guidance.getByRole('button', { name: 'Start from a template' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await guidance.getByRole('button', { name: 'Start from a template' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start from a template' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page, '[role="dialog"]');
  await dialog.getByRole('radio', { name: /Abandoned cart/ }).check();
  await dialog.getByRole('button', { name: 'Use template' }).click();
  await expect(guidance).toBeHidden();
  // Opened whole, with focus on its trigger (not on the page).
  const trigger = node(page, /^Event step/);
  await expect(trigger).toBeFocused();
  await viewSettled(page);
  for (const step of await canvas(page).locator('.react-flow__node').all())
    await expectInCanvas(page, step);
  await expect(page.getByRole('heading', { level: 1, name: 'Guided' })).toBeVisible();

  // Undo takes the template back, and the guidance returns.
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect(guidance).toBeVisible();
  await guidance.getByRole('button', { name: 'Add a trigger' }).click();
  await page
    .getByRole('menu', { name: 'Add a trigger' })
    .getByRole('menuitem', { name: 'Date' })
    .click();
  await expect(guidance).toBeHidden();
});

test('steps added before a trigger are never hidden under the getting-started hint', async ({
  page,
}) => {
  await newBlankJourney(page, 'Email first');
  const guidance = page.getByRole('region', { name: 'Getting started' });
  const palette = page.getByRole('navigation', { name: 'Step palette' });
  // Many marketers start with the message: each step lands in the middle of the view.
  for (const kind of ['Email', 'Delay', 'If / else']) {
    await palette.getByRole('button', { name: kind, exact: true }).click();
    const step = node(page, new RegExp(`^${kind.replace('/', '\\/')} step`));
    await expectInCanvas(page, step);
    await viewSettled(page);
    // The hint still offers a trigger, beside the steps rather than over them.
    await expect(guidance.getByRole('button', { name: 'Add a trigger' })).toBeVisible();
    const hint = await box(guidance);
    for (const drawn of await canvas(page).locator('.react-flow__node').all()) {
      const b = await box(drawn);
      const overlaps =
        b.x < hint.x + hint.width &&
        hint.x < b.x + b.width &&
        b.y < hint.y + hint.height &&
        hint.y < b.y + b.height;
      expect(overlaps, `${kind}: a step under the hint`).toBe(false);
    }
  }
  await expectNoSeriousA11yViolations(page);
});

test('Tab through the arrows, their "+" and the steps brings each one into view', async ({
  page,
}) => {
  await openJourney(page, 'Welcome series');
  // React Flow puts the arrows after the steps in the Tab order.
  await canvas(page)
    .getByRole('group', { name: 'Connection from Signed up (Next) to Welcome email' })
    .focus();
  const last = 'Insert a step between Wait 5 days (Next) and Code reminder';
  let reached = false;
  let backToTheStart = false;
  for (let press = 0; press < 40 && !backToTheStart; press += 1) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    const label = (await focused.getAttribute('aria-label')) ?? '';
    if (!/^(Connection from|Insert a step between|\w+ step: )/.test(label)) continue;
    await expectInCanvas(page, focused);
    reached ||= label === last;
    // After the last arrow, Tab goes back to the first step, far to the left.
    backToTheStart = reached && label === 'Event step: Signed up';
  }
  expect(backToTheStart, `Tab reached "${last}", then the first step`).toBe(true);
});

test('auto-layout left to right or top to bottom, kept with the journey', async ({ page }) => {
  await openJourney(page, 'Welcome series');
  await page.getByRole('button', { name: 'Lay out top to bottom' }).click();
  await expect(page.getByRole('button', { name: 'Lay out top to bottom' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const trigger = node(page, /^Event step/);
  const email = node(page, /^Email step: Welcome email/);
  await expect.poll(async () => (await box(email)).y - (await box(trigger)).y).toBeGreaterThan(40);
  expect(Math.abs((await box(email)).x - (await box(trigger)).x)).toBeLessThan(40);
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Lay out top to bottom' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Arrow keys go along the arrows: down from the trigger is the welcome email.
  await node(page, /^Event step/).focus();
  await page.keyboard.press('ArrowDown');
  await expect(node(page, /^Email step: Welcome email/)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(node(page, /^Event step/)).toBeFocused();
});

test('export the journey document from the editor and import it back; a spec is explained', async ({
  page,
}) => {
  await openJourney(page, 'Welcome series');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expectNoSeriousA11yViolations(page, '[role="menu"]');
  const documentDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download journey document' }).click();
  const documentFile = await documentDownload;
  expect(documentFile.suggestedFilename()).toBe('welcome-series.journey.json');
  const documentPath = await documentFile.path();

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const specDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download spec' }).click();
  const specPath = await (await specDownload).path();

  await page.getByRole('link', { name: '← Journeys' }).click();
  await page.getByLabel('Import a journey file').setInputFiles(documentPath);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'Imported “Welcome series (imported)”.',
  );
  await page.getByLabel('Import a journey file').setInputFiles(specPath);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('is a compiled spec');
  await expect(alert).not.toContainText('schemaVersion');
  await expectNoSeriousA11yViolations(page);
  await alert.getByRole('button', { name: 'Import as a new journey' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'from the spec' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Welcome series/ })).toHaveCount(3);
});

test('deleting a journey can be undone from the toast', async ({ page }) => {
  await page.goto('/');
  const table = page.getByRole('table', { name: 'Journeys' });
  await expect(table.getByRole('link', { name: 'Abandoned cart' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await table.getByRole('button', { name: 'Delete Abandoned cart' }).click();
  await expect(table.getByRole('link', { name: 'Abandoned cart' })).toHaveCount(0);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await expect(
    page.getByRole('status').filter({ hasText: 'Deleted “Abandoned cart”.' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await undo.click();
  await expect(table.getByRole('link', { name: 'Abandoned cart' })).toBeFocused();
  await page.reload();
  await expect(table.getByRole('link', { name: 'Abandoned cart' })).toBeVisible();
});

test('a Shift-drag box selection selects steps, never the page text', async ({ page }) => {
  await openJourney(page, 'Welcome series');
  const c = await box(surface(page));
  await page.keyboard.down('Shift');
  await page.mouse.move(c.x + 20, c.y + 120);
  await page.mouse.down();
  await page.mouse.move(c.x + c.width + 200, c.y + c.height - 20, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
});

test('skip links reach the canvas, the settings and the problems; a problem gives focus to its field', async ({
  page,
}) => {
  await openJourney(page, 'Welcome series');
  await page.reload(); // keyboard navigation from the top of the page
  await expect(node(page, /^Event step/)).toBeVisible();
  await page.keyboard.press('Tab'); // the app's own "Skip to content"
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the canvas' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(node(page, /^Event step/)).toBeFocused();
  await page.getByRole('link', { name: 'Skip to the settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(side(page).getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.getByRole('link', { name: 'Skip to the problems' }).focus();
  await page.keyboard.press('Enter');
  await expect(side(page).getByRole('tab', { name: /Problems/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(side(page).locator(':focus')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  // A problem on a step: its field gets focus, not the page.
  await newBlankJourney(page, 'Skips');
  await page.getByRole('button', { name: 'Add a trigger' }).click();
  await page
    .getByRole('menu', { name: 'Add a trigger' })
    .getByRole('menuitem', { name: 'Event' })
    .click();
  await page.locator('.editor-header').getByRole('button', { name: /error/ }).click();
  await side(page).getByRole('button', { name: /event/i }).first().click();
  await expect(page.locator(':focus')).toHaveAttribute('aria-invalid', 'true');
});
