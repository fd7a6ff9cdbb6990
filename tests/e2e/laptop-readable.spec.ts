import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, test, expect } from './fixtures';
import { canvas, node, openJourney, viewSettled } from './editor-support';
import { runDemoForecast } from './forecast-support';
import { simulateOnCanvas } from './simulate-support';

/** What a newcomer reads on a 1280 × 720 laptop: nothing cut short, nothing drawn over. */
test.use({ viewport: { width: 1280, height: 720 } });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The texts among `items` drawn cut short (wider than their box). */
async function cutShort(items: Locator): Promise<string[]> {
  return items.evaluateAll((elements) =>
    elements.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent ?? ''),
  );
}

async function boxes(items: Locator): Promise<Box[]> {
  return items.evaluateAll((elements) =>
    elements
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map(({ x, y, width, height }) => ({ x, y, width, height })),
  );
}

async function paletteNamesCut(page: Page): Promise<string[]> {
  const palette = page.getByRole('navigation', { name: /Step palette|Palette/ });
  await expect(palette.getByRole('button').first()).toBeVisible();
  return cutShort(palette.locator('.palette__label'));
}

test('the step palette shows every kind of step by its whole name, in English and in French', async ({
  page,
}) => {
  await openJourney(page, 'Welcome series');
  expect(await paletteNamesCut(page)).toEqual([]);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: '← Journeys' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
  await page.getByRole('link', { name: 'Post-purchase NPS' }).first().click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(await paletteNamesCut(page)).toEqual([]);
});

test('a profile set’s table shows plans, sign-up days, event counts and last events whole', async ({
  page,
}) => {
  await page.goto('/profiles');
  await page.getByRole('link', { name: 'Demo customers' }).click();
  const table = page.getByRole('table', { name: 'Profiles' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // Plan, Signed up, Events and Last event: the 5th to 8th cells of each row drawn.
  const cells = table.locator('[role="row"] > :nth-child(n+5)');
  expect(await cells.count()).toBeGreaterThan(40);
  expect(await cutShort(cells)).toEqual([]);
  await expectNoSeriousA11yViolations(page);
});

/** The view's zoom, as React Flow draws it. */
async function zoomOf(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1]);
}

/** Zooms the canvas out with its own control until the view is at `zoom` or further out. */
async function zoomOutTo(page: Page, zoom: number): Promise<void> {
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  while ((await zoomOf(page)) > zoom) {
    await zoomOut.click();
    await viewSettled(page);
  }
}

/** Each step count drawn over a step other than its own, or over another step's count. */
async function countsDrawnOver(page: Page): Promise<string[]> {
  return page.locator('.react-flow__nodes').evaluate((nodes) => {
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const steps = [...nodes.querySelectorAll('.react-flow__node')];
    const faults: string[] = [];
    for (const step of steps) {
      const count = step.querySelector('.step-node__float');
      if (count === null) continue;
      const box = count.getBoundingClientRect();
      const name = step.getAttribute('aria-label') ?? '';
      for (const other of steps) {
        if (other === step) continue;
        const otherName = other.getAttribute('aria-label') ?? '';
        if (meet(box, other.getBoundingClientRect()))
          faults.push(`${name}: count over ${otherName}`);
        const otherCount = other.querySelector('.step-node__float');
        if (otherCount !== null && meet(box, otherCount.getBoundingClientRect()))
          faults.push(`${name}: count over the count of ${otherName}`);
      }
    }
    return faults;
  });
}

test('zoomed out after a simulation, a step’s count stays clear of the steps around it, and arrows still say theirs to screen readers', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await simulateOnCanvas(page, 'Welcome series');
  await viewSettled(page);
  for (const zoom of [0.55, 0.35, 0.2, 0.1]) {
    await zoomOutTo(page, zoom);
    expect(await countsDrawnOver(page), `at zoom ${await zoomOf(page)}`).toEqual([]);
    expect(await cutShort(page.locator('.step-node__count'))).toEqual([]);
  }
  // Arrow counts are not drawn this far out; each arrow's name still carries its count.
  await expect(
    canvas(page).getByRole('group', {
      name: /^Connection from Ordered yet\? \(No\) to Welcome code: [\d,]+ in the simulation$/,
    }),
  ).toHaveCount(1);
  await expect(page.locator('.journey-edge__count').first()).toBeHidden();
  await expectNoSeriousA11yViolations(page);
});

/** The options of the `selects` drawn cut short when chosen (wider than the room for them). */
async function optionsCut(selects: Locator): Promise<string[]> {
  return selects.evaluateAll((elements) => {
    const context = document.createElement('canvas').getContext('2d');
    if (context === null) throw new Error('no 2d canvas');
    return (elements as HTMLSelectElement[]).flatMap((select) => {
      const style = getComputedStyle(select);
      context.font = style.font;
      // The room for the text: the box less its padding and the drop-down arrow (about 20px).
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return [...select.options]
        .map((option) => option.text)
        .filter((text) => context.measureText(text).width > room);
    });
  });
}

test('the journey settings panel shows every lifecycle stage, re-entry, quiet-hours and time-zone choice whole, in English and in French', async ({
  page,
}) => {
  await openJourney(page, 'Welcome series');
  const settings = page.getByRole('region', { name: 'Journey settings' });
  const choices = settings.getByLabel(
    /^(Lifecycle stage|Re-entry|Messages due in quiet hours|Default time zone)$/,
  );
  await expect(choices).toHaveCount(4);
  expect(await optionsCut(choices)).toEqual([]);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: '← Journeys' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
  await page.getByRole('link', { name: 'Welcome series' }).first().click();
  const réglages = page.getByRole('region', { name: 'Réglages du parcours' });
  const choix = réglages.getByLabel(
    /^(Étape du cycle de vie|Nouvelle entrée|Messages prévus pendant les heures calmes|Fuseau horaire par défaut)$/,
  );
  await expect(choix).toHaveCount(4);
  expect(await optionsCut(choix)).toEqual([]);
});

test('the journey list writes when each journey changed on one line', async ({ page }) => {
  await page.goto('/');
  const updated = page.getByRole('table', { name: 'Journeys' }).locator('time');
  await expect(updated.first()).toBeVisible();
  // An inline text broken over two lines is drawn as two boxes.
  const lines = await updated.evaluateAll((times) => times.map((t) => t.getClientRects().length));
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.filter((n) => n > 1)).toEqual([]);
  await expectNoSeriousA11yViolations(page);
});

/** How many lines of text each of `items` is drawn on. */
async function linesOf(items: Locator): Promise<number[]> {
  return items.evaluateAll((elements) =>
    elements.map((element) => {
      const tops = new Set<number>();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text !== null; text = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(text);
        for (const rect of range.getClientRects()) tops.add(Math.round(rect.top));
      }
      return tops.size;
    }),
  );
}

test('a forecast’s figure cards keep their ranges and notes short', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await runDemoForecast(page, { a: 'Welcome series' });
  const cards = page.getByRole('region', { name: /^Forecast of / }).first();
  expect(Math.max(...(await linesOf(cards.locator('.kpi-range'))))).toBeLessThanOrEqual(2);
  expect(Math.max(...(await linesOf(cards.locator('.kpi-detail'))))).toBeLessThanOrEqual(3);
  await expectNoSeriousA11yViolations(page);
});

test.describe('on a 1920 × 1080 screen', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('a branching step opened far out still names its branches, readably', async ({ page }) => {
    await openJourney(page, 'Welcome series');
    await viewSettled(page);
    await expect(page.locator('.journey-canvas__surface')).toHaveAttribute('data-compact', '');
    // The drawn height of each branch's name (its text, not its "+" button).
    const heights = await node(page, /^If \/ else step/)
      .getByRole('listitem')
      .evaluateAll((items) =>
        items.map((item) => {
          const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
          let height = 0;
          for (let text = walker.nextNode(); text !== null; text = walker.nextNode()) {
            if (text.parentElement?.closest('button') || !text.textContent?.trim()) continue;
            const range = document.createRange();
            range.selectNodeContents(text);
            height = Math.max(height, range.getBoundingClientRect().height);
          }
          return height;
        }),
      );
    expect(heights).toHaveLength(2);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(10);
    await expectNoSeriousA11yViolations(page);
  });
});

/** The words that run a simulation on the canvas, and zoom in, in each language. */
const SIMULATE_IN = {
  en: { locale: 'en-US', simulate: 'Simulate', run: 'Run simulation', zoomIn: 'Zoom In' },
  fr: { locale: 'fr-FR', simulate: 'Simuler', run: 'Lancer la simulation', zoomIn: 'Zoom avant' },
};

/** Each count on the canvas (a step's or an arrow's) drawn over a step or over another count. */
async function countsMeeting(page: Page): Promise<string[]> {
  const drawn = async (selector: string) =>
    (
      await page.locator(selector).evaluateAll((elements) =>
        elements.map((e) => {
          const { x, y, width, height } = e.getBoundingClientRect();
          return { name: e.getAttribute('aria-label') ?? e.textContent ?? '', x, y, width, height };
        }),
      )
    ).filter((box) => box.width > 0 && box.height > 0);
  const steps = await drawn('.react-flow__node');
  const counts = [...(await drawn('.step-node__count')), ...(await drawn('.journey-edge__count'))];
  const faults: string[] = [];
  for (const [i, count] of counts.entries()) {
    for (const step of steps)
      if (overlap(count, step)) faults.push(`"${count.name}" over the step ${step.name}`);
    for (const other of counts.slice(i + 1))
      if (overlap(count, other)) faults.push(`"${count.name}" over the count "${other.name}"`);
  }
  return faults;
}

for (const { width, height } of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
])
  for (const [language, words] of Object.entries(SIMULATE_IN))
    test.describe(`at ${width} × ${height}, in ${language}`, () => {
      test.use({ viewport: { width, height }, locale: words.locale });

      test('after a simulation, no count on the canvas is drawn over another or over a step, as opened or zoomed in', async ({
        page,
      }) => {
        test.setTimeout(150_000);
        await page.goto('/');
        await page.getByRole('link', { name: 'Welcome series' }).first().click();
        await page.getByRole('button', { name: words.simulate, exact: true }).click();
        const run = page.getByRole('button', { name: words.run });
        await expect(run).toBeEnabled({ timeout: 30_000 });
        await run.click();
        await expect(page.locator('.step-node__count').first()).toBeVisible({ timeout: 60_000 });
        await viewSettled(page);
        expect(await countsMeeting(page), `at zoom ${await zoomOf(page)}`).toEqual([]);
        await expectNoSeriousA11yViolations(page);

        // Closer in, the arrows' counts are drawn too, and still clear of everything.
        const zoomIn = page.getByRole('button', { name: words.zoomIn });
        while ((await zoomOf(page)) < 1.2) {
          await zoomIn.click();
          await viewSettled(page);
          expect(await countsMeeting(page), `at zoom ${await zoomOf(page)}`).toEqual([]);
        }
        expect(await boxes(page.locator('.journey-edge__count'))).not.toHaveLength(0);
      });
    });
