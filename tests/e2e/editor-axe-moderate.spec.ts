import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { newBlankJourney } from './editor-support';

test('the editor, with the trigger inspected and the Export menu open, keeps heading order and landmarks', async ({
  page,
}) => {
  await newBlankJourney(page, 'Axe moderate');
  await page.getByRole('button', { name: 'Event', exact: true }).click();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /^Export/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  const { violations } = await new AxeBuilder({ page })
    .withRules(['heading-order', 'region'])
    .analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
