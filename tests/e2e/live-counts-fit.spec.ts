import type { Page } from '@playwright/test';
import { busyCounts } from './busy-counts';
import { expectNoSeriousA11yViolations, test, expect } from './fixtures';
import { viewSettled } from './editor-support';

/**
 * The live counts' "both" pill at its widest: actual and simulated side by side with the messages
 * not sent, in French, at the zooms that spell its words out (0.75 to 1).
 */
test.use({ viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' });

/** Each step's count wider than its step, or drawn over another step or another step's count. */
async function countsOutOfPlace(page: Page): Promise<string[]> {
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
      if (box.width > step.getBoundingClientRect().width + 0.5)
        faults.push(`${name}: count wider than the step`);
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

async function zoomOf(page: Page): Promise<number> {
  const style = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1]);
}

test('in French, a step’s live count beside the simulated one and the messages not sent stays within its step', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await busyCounts(page);
  await page.goto('/');
  await page.getByRole('link', { name: 'Post-purchase NPS' }).first().click();
  // Laid out as auto-layout does, the score's branches stacked 40 px apart: a count must not
  // reach over the step above it.
  await page
    .getByRole('toolbar', { name: 'Outils du canevas' })
    .getByRole('button', { name: 'Disposition automatique' })
    .click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Toutes les modifications sont enregistrées' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  const publish = page.getByRole('dialog', { name: /^Publier/ });
  await publish.getByRole('button', { name: 'Publier la version 1' }).click();
  await publish.getByRole('button', { name: 'Fermer' }).click();

  const live = page.getByRole('region', { name: 'Comptes réels' });
  await live.getByRole('button', { name: 'Prévoir la v1', exact: true }).click();
  await expect(live.getByRole('button', { name: 'Prévoir la v1 à nouveau' })).toBeVisible({
    timeout: 180_000,
  });
  await live.getByRole('radio', { name: 'Les deux' }).check();
  const widest = page.locator('.step-node__count--actual', { hasText: /non\s+envoyés/ });
  await expect(widest.first()).toBeVisible();

  const zoomIn = page.getByRole('button', { name: 'Zoom avant' });
  const seen: number[] = [];
  while ((await zoomOf(page)) <= 1.01) {
    await zoomIn.click();
    await viewSettled(page);
    const zoom = await zoomOf(page);
    if (zoom > 1.01) break;
    seen.push(zoom);
    await expect(widest.first()).toBeVisible();
    expect(await countsOutOfPlace(page), `at zoom ${zoom}`).toEqual([]);
  }
  expect(seen.some((zoom) => zoom >= 0.75 && zoom < 0.9)).toBe(true);
  await expectNoSeriousA11yViolations(page);
});
