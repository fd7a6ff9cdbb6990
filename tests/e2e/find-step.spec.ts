import { longJourney } from '../support/long-journey.ts';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures';
import { canvas, importAndOpen, node, side, viewSettled } from './editor-support';

test.use({ viewport: { width: 1280, height: 720 } });

test('finds a step in a 150-step journey with Ctrl+F or the toolbar, and centres, selects and opens it', async ({
  page,
}) => {
  const journey = longJourney(150);
  await importAndOpen(page, journey);
  await viewSettled(page);

  await canvas(page).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+f');
  const dialog = page.getByRole('dialog', { name: 'Find a step' });
  const search = dialog.getByRole('combobox', { name: 'Step name, kind or id' });
  await expect(search).toBeFocused();
  await expect(dialog.getByRole('status')).toHaveText(
    '150 steps match; the first 100 are listed. Type more to narrow them down.',
  );
  await expectNoSeriousA11yViolations(page, '.find-step');
  await search.pressSequentially('reminder 27');
  await expect(dialog.getByRole('option')).toHaveCount(2);
  await expect(dialog.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // Chosen: selected, focused, its settings beside, and in the middle of the canvas.
  const step = node(page, 'Email step: Reminder 27');
  await expect(step).toBeFocused();
  await expect(step).toHaveClass(/selected/);
  await expect(side(page).getByRole('region', { name: 'Reminder 27' })).toBeVisible();
  await viewSettled(page);
  const stepBox = await step.boundingBox();
  const canvasBox = await page.locator('#journey-canvas').boundingBox();
  if (stepBox === null || canvasBox === null) throw new Error('not drawn');
  expect(
    Math.abs(stepBox.x + stepBox.width / 2 - (canvasBox.x + canvasBox.width / 2)),
  ).toBeLessThan(8);
  expect(
    Math.abs(stepBox.y + stepBox.height / 2 - (canvasBox.y + canvasBox.height / 2)),
  ).toBeLessThan(8);

  // The toolbar's button, and a step far away chosen by a click.
  await page
    .getByRole('toolbar', { name: 'Canvas tools' })
    .getByRole('button', { name: 'Find a step' })
    .click();
  await expect(search).toBeFocused();
  await search.fill('step-149');
  await dialog.getByRole('option', { name: /id step-149\)$/ }).click();
  const last = node(page, 'SMS step: Nudge 30');
  await expect(last).toBeFocused();
  await viewSettled(page);
  await expect(last).toBeInViewport({ ratio: 0.99 });
});
