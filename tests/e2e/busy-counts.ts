import type { Page } from '@playwright/test';

/**
 * The demo's mock executor ran nobody (its counts are zeros): the counts it answers are given
 * five-figure entries, and messages not sent on every step, as a busy journey would have. Each
 * arrow carries its source step's count, so an arrow showing another's is caught.
 */
export async function busyCounts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const fetchFromMock = window.fetch;
    window.fetch = async (...request) => {
      const response = await fetchFromMock(...request);
      const url = request[0] instanceof Request ? request[0].url : String(request[0]);
      if (!/\/versions\/\d+\/counts$/.test(url)) return response;
      const counts = await response.json();
      const ids = Object.keys(counts.steps);
      ids.forEach((id, i) => (counts.steps[id].entered = 12_345 - 1_111 * i));
      counts.entries = 12_345;
      for (const edge of Object.keys(counts.edgeCounts))
        counts.edgeCounts[edge] = counts.steps[edge.split('->')[0] ?? ''].entered;
      counts.notSent = Object.fromEntries(
        ids.map((id) => [id, { journey_stopped: 1_234, not_rendered: 5 }]),
      );
      return Response.json(counts);
    };
  });
}
