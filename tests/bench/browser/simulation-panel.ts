// Browser bench for the simulation panel (issue 5): the page stays responsive during a run, in
// real headless Chromium against the demo build. Each round is a fresh browser context (fresh
// IndexedDB): generate 10,000 profiles, open a template in the editor, run twice.
// Run: npx tsx tests/bench/browser/simulation-panel.ts   (BENCH_VERBOSE=1 lists every long task)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { profileDuring } from './cpu-profile.ts';
import { traceDuring } from './trace-timeline.ts';
import {
  generateProfiles,
  openDemoApp,
  printMsRows,
  rowsOfMedianRounds,
  type MsRow,
} from './bench-harness.ts';
import {
  armRunProbe,
  CLICK_MARK,
  readRunProbe,
  type RunFigures,
} from './simulation-panel-probe.ts';

const JOURNEY = 'Welcome series';
/** The generate dialog's default name for a set of `count` (the option shows more after it). */
const setName = (count: number) => `Synthetic ${count / 1000}k`;
/** The issue 20 bar for 100,000 profiles: click Run to result drawn. */
const RUN_TARGET_100K = 500;
/**
 * The wait between the Run button becoming ready and the click (BENCH_SETTLE_MS, default 1 s):
 * longer lets the background work a new set starts (its customer-value fit) end first.
 */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 1_000);
/** The bar for a responsive page: no main-thread task over 50 ms. */
const LONG_TASK_TARGET = 50;

interface RoundFigures {
  first: RunFigures;
  second: RunFigures;
}

/** Clicks Run with the probe armed and waits until the result is drawn. */
async function measuredRun(page: Page): Promise<RunFigures> {
  const panel = page.getByRole('region', { name: 'Simulate' });
  const run = panel.getByRole('button', { name: 'Run simulation' });
  await run.waitFor();
  await page.waitForFunction(
    () => !document.querySelector<HTMLButtonElement>('.sim-panel-head .btn-primary')?.disabled,
    undefined,
    { timeout: 60_000 },
  );
  // Let the page settle (panel open, span read) so only the run's own tasks are counted.
  await page.waitForTimeout(SETTLE_MS);
  await page.evaluate(armRunProbe);
  await run.click();
  await page.waitForFunction(() => window.__simulationProbe?.drawnAt !== undefined, undefined, {
    timeout: 120_000,
  });
  // Long tasks are reported when they end: wait out anything the result schedules after it.
  await page.waitForTimeout(1_500);
  return await page.evaluate(readRunProbe);
}

async function measureRound(
  browser: Browser,
  url: string,
  profiles: number,
): Promise<RoundFigures> {
  const { context, page, errors } = await openDemoApp(browser, url, JOURNEY);
  try {
    await generateProfiles(page, profiles);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Journeys' })
      .click();
    await page.getByRole('link', { name: JOURNEY }).first().click();
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Simulate' });
    // By the option's value (the set's id): its text is translated and formatted by locale.
    const picker = panel.getByLabel('Profile set');
    const option = picker.locator('option', { hasText: setName(profiles) }).first();
    const setId = await option.getAttribute('value', { timeout: 60_000 });
    if (setId === null) throw new Error(`no profile set named ${setName(profiles)}`);
    // BENCH_PROFILE=first or =second: the main thread's busy runs during that run, on stderr;
    // BENCH_TRACE=first or =second: every thread's tasks (page and workers) from the click on,
    // and the app's marks from the set chosen (first) or the run before (second) on.
    const profiled = async (label: string, run: () => Promise<RunFigures>) => {
      if (process.env.BENCH_TRACE?.split(',').includes(label)) {
        const { result, report } = await traceDuring(page, CLICK_MARK, run);
        process.stderr.write(`${label} run, timeline from the click:\n${report.join('\n')}\n`);
        return result;
      }
      if (process.env.BENCH_PROFILE !== label) return run();
      const { result, report } = await profileDuring(page, run);
      process.stderr.write(`${label} run, main thread:\n${report.join('\n')}\n`);
      return result;
    };
    const first = await profiled('first', async () => {
      await picker.selectOption(setId);
      return measuredRun(page);
    });
    const second = await profiled('second', () => measuredRun(page));
    if (process.env.BENCH_VERBOSE) {
      for (const [label, f] of [
        ['first', first],
        ['second', second],
      ] as const)
        process.stderr.write(
          `${label} run: result ${f.resultMs} ms, stored ${f.savedMs} ms, drawn ${f.totalMs} ms, long tasks ${JSON.stringify(f.tasks)}\n`,
        );
    }
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return { first, second };
  } finally {
    await context.close();
  }
}

/**
 * Longest main-thread task (PerformanceObserver 'longtask', so 0 means none over 50 ms) during
 * a first and a second run of `profiles` (10,000 by default), and the time from the click on Run to the result
 * drawn: medians over `rounds` fresh browser contexts.
 */
export function runSimulationPanelBench(rounds = 3, profiles = 10_000): Promise<MsRow[]> {
  return rowsOfMedianRounds(
    rounds,
    (browser, url) => measureRound(browser, url, profiles),
    (m) => {
      const runs = `${profiles.toLocaleString('en-US')} profiles`;
      const runTarget = profiles === 100_000 ? RUN_TARGET_100K : null;
      return [
        {
          name: `longest main-thread task over 50 ms (0: none), first run (${runs})`,
          value: m((s) => s.first.longestTaskMs),
          target: LONG_TASK_TARGET,
        },
        {
          name: `longest main-thread task over 50 ms (0: none), second run (${runs})`,
          value: m((s) => s.second.longestTaskMs),
          target: LONG_TASK_TARGET,
        },
        {
          name: `click Run → result drawn, first run (${runs})`,
          value: m((s) => s.first.totalMs),
          target: runTarget,
        },
        {
          name: `click Run → result drawn, second run (${runs})`,
          value: m((s) => s.second.totalMs),
          target: runTarget,
        },
      ];
    },
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printMsRows(
    await runSimulationPanelBench(
      Number(process.env.BENCH_ROUNDS ?? 3),
      Number(process.env.BENCH_PROFILES ?? 10_000),
    ),
  );
}
