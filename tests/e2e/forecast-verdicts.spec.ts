import { TEMPLATES } from '../../src/domain/templates/templates';
import { test, expect } from './fixtures';
import { runDemoForecast } from './forecast-support';
import { expectAxeClean, screenshots } from './strategist-support';

/** The welcome series with its first wait cut from 2 days to 1: a journey that differs by little. */
function oneDayWaitWelcome(): string {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (!template) throw new Error('no welcome-series template');
  const document = template.build(Date.now());
  return JSON.stringify({
    ...document,
    name: 'Welcome, 1-day wait',
    steps: document.steps.map((s) =>
      s.kind === 'delay' && s.config['amount'] === 2
        ? { ...s, label: 'Wait 1 day', config: { ...s.config, amount: 1 } }
        : s,
    ),
  });
}

test('A vs B of journeys that differ by little: no detectable difference, never "0 to 0 — a real difference"', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Journeys' })).toContainText('Post-purchase NPS');
  await page.getByLabel('Import a journey file').setInputFiles({
    name: 'welcome-1-day.journey.json',
    mimeType: 'application/json',
    buffer: Buffer.from(oneDayWaitWelcome()),
  });
  await expect(page.getByRole('table', { name: 'Journeys' })).toContainText('Welcome, 1-day wait');
  await runDemoForecast(page, { a: 'Welcome series', b: 'Welcome, 1-day wait' });

  const list = page.getByRole('list', { name: 'Differences in plain words' });
  const sentences = await list.getByRole('listitem').allTextContents();
  expect(sentences.length).toBeGreaterThan(2);
  expect(sentences.some((s) => s.includes('no detectable difference'))).toBe(true);
  for (const sentence of sentences) {
    expect(sentence).not.toMatch(/[+-]?\$?0(\.0+)? to [+-]?\$?0(\.0+)?\b.*a real difference/);
    const range = /range ([+-]?)\$?([\d,.]+) to ([+-]?)\$?([\d,.]+)/.exec(sentence);
    if (range === null) continue;
    const low = Number(`${range[1]}${range[2]?.replace(/,/g, '')}`);
    const high = Number(`${range[3]}${range[4]?.replace(/,/g, '')}`);
    if (low <= 0 && high >= 0) expect(sentence).toContain('no detectable difference');
    else expect(sentence).toContain('a real difference');
  }
  const table = page.getByRole('table', { name: 'Every KPI: A, B and the difference B − A' });
  await expect(table.getByRole('columnheader', { name: 'Verdict' })).toBeVisible();
  await expect(table).toContainText('no detectable difference');
  // No control group in either journey: the attribution is stated, with a one-click fix.
  const forecastA = page.getByRole('region', { name: 'Forecast: A: Welcome series' });
  await expect(forecastA.getByRole('note')).toContainText('No control group.');
  await expect(forecastA.getByRole('button', { name: 'Add a 10% control group' })).toBeVisible();
  await expectAxeClean(page);
  await screenshots(page, 'forecast-verdicts');
});
