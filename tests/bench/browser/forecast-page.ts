// Browser bench for the forecast page (issue 20), in real headless Chromium against the demo
// build, as a strategist waits: generate 100,000 profiles through the app, forecast A vs B over
// them (20 replications) and then run the sensitivity (tornado) of A. Each round is a fresh
// browser context (fresh IndexedDB).
// Run: npx tsx tests/bench/browser/forecast-page.ts   (BENCH_ROUNDS=1 for one round)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import {
  generateProfiles,
  openDemoApp,
  printMsRows,
  rowsOfMedianRounds,
  type MsRow,
} from './bench-harness.ts';
import { traceThreadsDuring } from './thread-trace.ts';
import { fillForecastSetup } from '../../e2e/forecast-setup.ts';

const PROFILES = 100_000;
const REPLICATIONS = 20;
/** The issue 20 bars. */
const FORECAST_TARGET = 3_000;
const FIRST_PROGRESS_TARGET = 300;
const TORNADO_TARGET = 3_000;

interface RoundFigures {
  firstProgressMs: number;
  forecastMs: number;
  tornadoMs: number;
}

/**
 * Clicks `button` and times, frame by frame in the page, until the run shows progress and then
 * until it is drawn: both from the click's own timestamp. `what` names the run's conditions
 * (kept inside the probe: the app's content security policy allows no eval).
 */
async function timeClick(
  page: Page,
  button: string,
  what: { kind: 'forecast' | 'tornado'; replications: number },
): Promise<{ progressMs: number; doneMs: number }> {
  await page.evaluate(({ kind, replications }) => {
    const probe: { clickAt?: number; progressAt?: number; doneAt?: number } = {};
    (window as unknown as { __forecastProbe: typeof probe }).__forecastProbe = probe;
    // Read only the parts that change (the whole page's text, every frame, cost the page's
    // main thread a share of the core the workers need).
    const progressText = () => document.querySelector('.forecast-progress')?.textContent ?? '';
    const sensitivity = () => document.querySelector('#sensitivity-heading')?.closest('section');
    const progressed = (): boolean =>
      kind === 'tornado' ||
      (document.querySelector<HTMLProgressElement>('progress[aria-label="Replications done"]')
        ?.value ?? 0) > 0;
    const finished = (): boolean =>
      kind === 'forecast'
        ? progressText().includes(`${replications} of ${replications} replications done`) &&
          document.querySelector('[aria-label="Differences in plain words"]') !== null
        : sensitivity()?.querySelector('svg') != null &&
          !(sensitivity()?.textContent ?? '').includes('Cancel sensitivity');
    document.addEventListener('click', (e) => (probe.clickAt = e.timeStamp), {
      capture: true,
      once: true,
    });
    const watch = (time: number): void => {
      if (probe.clickAt !== undefined) {
        if (probe.progressAt === undefined && progressed()) probe.progressAt = time;
        if (probe.progressAt !== undefined && finished()) {
          probe.doneAt = time;
          return;
        }
      }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }, what);
  await page.getByRole('button', { name: button }).click();
  await page.waitForFunction(
    () =>
      (window as unknown as { __forecastProbe: { doneAt?: number } }).__forecastProbe.doneAt !==
      undefined,
    undefined,
    { timeout: 180_000 },
  );
  return page.evaluate(() => {
    const p = (
      window as unknown as {
        __forecastProbe: { clickAt: number; progressAt: number; doneAt: number };
      }
    ).__forecastProbe;
    return { progressMs: p.progressAt - p.clickAt, doneMs: p.doneAt - p.clickAt };
  });
}

/** With BENCH_TRACE set, prints where each thread spent the time of `action`. */
async function traced<T>(
  browser: Browser,
  page: Page,
  what: string,
  action: () => Promise<T>,
): Promise<T> {
  if (!process.env.BENCH_TRACE) return action();
  const { result, report } = await traceThreadsDuring(browser, page, action);
  process.stdout.write(`${what}:\n${report.join('\n')}\n`);
  return result;
}

async function measureRound(browser: Browser, url: string): Promise<RoundFigures> {
  const { context, page, errors } = await openDemoApp(browser, url, 'Welcome series');
  try {
    await generateProfiles(page, PROFILES);
    await fillForecastSetup(page, {
      a: 'Welcome series',
      b: 'Abandoned cart',
      set: `Synthetic ${PROFILES / 1000}k (${PROFILES.toLocaleString('en-US')})`,
      replications: REPLICATIONS,
    });
    // Let the page settle so only the run's own work is timed.
    await page.waitForTimeout(1_000);
    const forecast = await traced(browser, page, 'forecast', () =>
      timeClick(page, 'Run forecast', { kind: 'forecast', replications: REPLICATIONS }),
    );
    await page.getByRole('button', { name: 'Run sensitivity' }).waitFor({ timeout: 120_000 });
    // A person reads the forecast before asking for its sensitivity: the business KPIs below it
    // (the page reads the set and fits the CLV models in a worker) settle first, so the tornado
    // is timed on its own rather than against that fit for the cores.
    await page.getByText('Fitting the purchase and spend models').waitFor({ state: 'detached' });
    await page.waitForTimeout(1_000);
    const tornado = await traced(browser, page, 'tornado', () =>
      timeClick(page, 'Run sensitivity', { kind: 'tornado', replications: 5 }),
    );
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return {
      firstProgressMs: forecast.progressMs,
      forecastMs: forecast.doneMs,
      tornadoMs: tornado.doneMs,
    };
  } finally {
    await context.close();
  }
}

/** Medians over `rounds` fresh browser contexts. */
export function runForecastPageBench(rounds = 3): Promise<MsRow[]> {
  return rowsOfMedianRounds(rounds, measureRound, (m) => {
    const n = PROFILES.toLocaleString('en-US');
    return [
      {
        name: `forecast A vs B, ${n} profiles × ${REPLICATIONS} replications: click Run → first progress`,
        value: m((s) => s.firstProgressMs),
        target: FIRST_PROGRESS_TARGET,
      },
      {
        name: `  same run: click Run → every replication done and compared`,
        value: m((s) => s.forecastMs),
        target: FORECAST_TARGET,
      },
      {
        name: `sensitivity (tornado) of A, ${n} profiles, 5 replications per setting: click → chart drawn`,
        value: m((s) => s.tornadoMs),
        target: TORNADO_TARGET,
      },
    ];
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printMsRows(await runForecastPageBench(Number(process.env.BENCH_ROUNDS ?? 3)));
}
