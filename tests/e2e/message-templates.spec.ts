import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const canvas = (page: Page) => page.getByRole('application', { name: 'Journey canvas' });
const side = (page: Page) => page.getByRole('complementary', { name: 'Step and journey settings' });
const simulation = (page: Page) => page.getByRole('region', { name: 'Simulate' });

/**
 * Selects a step from the keyboard: focus it, press Enter. A click would depend on where the view
 * put the step: once the simulation panel opens, the canvas is shorter and the view is placed
 * again, so a step can sit outside the canvas, under the side panel or the minimap (CI showed
 * clicks on the SMS step intercepted by those, whatever the retries).
 */
async function selectStep(page: Page, kind: string, label: string) {
  await canvas(page)
    .getByRole('group', { name: `${kind} step: ${label}` })
    .focus();
  await page.keyboard.press('Enter');
  await expect(side(page).getByRole('heading', { level: 2, name: label })).toBeVisible();
}

const smsCostCell = (page: Page) =>
  simulation(page)
    .getByRole('table', { name: 'Messages per channel' })
    .getByRole('row', { name: /^SMS/ })
    .getByRole('cell')
    .last();

/** Runs a simulation on the demo set and returns the SMS row's cost once it differs from `previous`. */
async function smsCost(page: Page, previous?: string): Promise<string> {
  const run = simulation(page).getByRole('button', { name: 'Run simulation' });
  await expect(run).toBeEnabled({ timeout: 30_000 });
  await run.click();
  const cell = smsCostCell(page);
  await expect(cell).toBeVisible({ timeout: 60_000 });
  if (previous !== undefined) await expect(cell).not.toHaveText(previous, { timeout: 60_000 });
  return (await cell.textContent()) ?? '';
}

// Accessibility checks try to run their script inside the email frame too; the sandbox refusing
// it is the sandbox doing its job.
test.use({ allowedConsoleErrors: [/^Blocked script execution in 'about:srcdoc'/] });

test('checks, previews and bills message templates as the customer receives them', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await page.getByRole('link', { name: 'Abandoned cart' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Abandoned cart' })).toBeVisible();

  // A typo in a field name: a warning with the suggestion; fixing it clears it.
  await selectStep(page, 'Email', 'Cart reminder');
  const subject = side(page).getByRole('textbox', { name: 'Subject' });
  await subject.fill('Hi {{profile.nmae}}, your cart is waiting');
  const problems = side(page).getByRole('list', { name: 'Problems with this step' });
  // The suggestion is set as code (`<code>profile.name</code>`), the same in every language.
  await expect(problems).toContainText('did you mean profile.name?');
  await expect(problems.locator('code', { hasText: /^profile\.name$/ })).toHaveCount(1);
  await subject.fill('Hi {{ profile.name | default: "there" }}, your cart is waiting');
  await expect(side(page).getByText(/did you mean/)).toHaveCount(0);

  // The preview with a chosen profile shows that profile's name in the inbox line.
  const preview = side(page).getByRole('region', { name: 'Preview' });
  const picker = preview.getByLabel('Profile from Demo customers');
  const option = picker.getByRole('option').nth(3);
  const label = (await option.textContent()) ?? '';
  const name = label.split(' · ')[0] ?? '';
  expect(name).not.toBe('');
  await picker.selectOption({ label });
  await expect(preview.getByLabel('Inbox line')).toContainText(`Hi ${name}, your cart is waiting`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/preview-email-1280.png' });

  // The simulation's SMS cost before the text changes.
  await page.getByRole('button', { name: 'Simulate', exact: true }).click();
  const before = await smsCost(page);

  // An emoji in the SMS: UCS-2 and two parts instead of one.
  await selectStep(page, 'SMS', 'Last call SMS');
  const smsPreview = side(page).getByRole('region', { name: 'Preview' });
  await expect(smsPreview.getByLabel('SMS encoding')).toContainText('GSM-7');
  await expect(smsPreview.getByLabel('SMS encoding')).toContainText(/Parts\s*1/);
  await side(page)
    .getByRole('textbox', { name: 'Text' })
    .fill(
      'Northwind: your cart expires tonight 🛒 Use CART10 for 10% off: nwnd.example/cart Reply STOP to opt out',
    );
  await expect(smsPreview.getByLabel('SMS encoding')).toContainText('UCS-2');
  await expect(smsPreview.getByLabel('SMS encoding')).toContainText(/Parts\s*2/);
  await smsPreview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/preview-sms-1280.png' });
  const axe = await new AxeBuilder({ page }).include('.message-preview').analyze();
  expect(axe.violations).toEqual([]);

  // The simulation bills the new part count: the SMS cost changes accordingly (doubles).
  const after = await smsCost(page, before);
  const money = (text: string) => Number(text.replace(/[^\d.]/g, ''));
  expect(money(before)).toBeGreaterThan(0);
  expect(money(after)).toBeCloseTo(money(before) * 2, 2);
});
