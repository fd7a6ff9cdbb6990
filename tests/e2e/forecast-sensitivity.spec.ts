import { test, expect } from './fixtures';
import { runDemoForecast } from './forecast-support';

/** The amount in a cell such as "$1,234.56". */
const amount = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

test('the sensitivity after a forecast: the cost of messages at half and one and a half times their price, twice in a row', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Journeys' })).toContainText('Welcome series');
  await runDemoForecast(page, { a: 'Welcome series', replications: 5 });

  const panel = page.getByRole('region', { name: 'Sensitivity' });
  await panel.getByLabel('KPI').selectOption({ label: 'Total cost' });
  await panel.getByRole('button', { name: 'Run sensitivity' }).click();
  const figure = panel.getByRole('figure', { name: 'What moves total cost' });
  await figure.getByRole('button', { name: 'Show as table' }).click();
  const price = figure.getByRole('row', { name: /^Cost per message/ });
  // The price of a send moves the cost in proportion (the other assumptions move it by what
  // they change of the sends): three times as much at ×1.5 as at ×0.5.
  const [low, high] = await Promise.all([
    price.getByRole('cell').nth(0).textContent(),
    price.getByRole('cell').nth(1).textContent(),
  ]);
  expect(amount(low)).toBeGreaterThan(0);
  expect(amount(high) / amount(low)).toBeCloseTo(3, 1);
  await expect(figure.getByRole('row', { name: /^Open rate/ })).toBeVisible();

  // Again, over the same set, with the workers the first runs left behind. The base setting is
  // the forecast's own journey, period and seeds: the same mean as the forecast's.
  await panel.getByLabel('KPI').selectOption({ label: 'Messages sent' });
  await panel.getByRole('button', { name: 'Run sensitivity' }).click();
  const messages = panel.getByRole('figure', { name: 'What moves messages sent' });
  await expect(messages).toBeVisible({ timeout: 60_000 });
  const forecastA = page.getByRole('region', { name: 'Forecast: Welcome series' });
  await forecastA.getByText('Every KPI as a table').click();
  const mean = await forecastA
    .getByRole('row', { name: /^Messages sent/ })
    .getByRole('cell')
    .first()
    .textContent();
  await expect(messages).toContainText(`Change from the base value ${mean ?? '?'}`);
});
