// Browser bench for the simulator, in real headless Chromium against a production build of a
// bench page: bench profiles are stored in IndexedDB with the app's repository, and the app's
// worker pool simulates them, each worker reading its own part of the set as in the app.
// Run: npx tsx tests/bench/browser/simulate.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { createSimulationPlan } from '../../../src/domain/simulate/plan.ts';
import { simulatePartition } from '../../../src/domain/simulate/simulate.ts';
import { chromiumLaunchOptions } from '../../support/chromium.ts';
import { benchProfiles } from '../simulate-floor.ts';
import { BENCH_OPTIONS, benchSpec } from '../simulate-spec.ts';
import { type Caller as HarnessCaller, median, pageCaller, printMsRows } from './bench-harness.ts';
import { traceThreadsDuring } from './thread-trace.ts';
import type { RunMode, SimulateRunFigures } from './simulate-bench-page.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const SMALL = 100_000;
const LARGE = 1_000_000;

/** One measured figure, as `tests/bench/run.ts` tables them. */
export interface SimulateBrowserRow {
  name: string;
  value: number;
  unit: 'ms';
  target: number | null;
}

interface BenchApi {
  reset(): Promise<void>;
  store(count: number): Promise<{ setId: string; ms: number }>;
  run(setId: string, count: number, workers: number, mode: RunMode): Promise<SimulateRunFigures>;
}
type Caller = HarnessCaller<BenchApi>;

/** Runs `action`; with BENCH_TRACE set, prints where each thread (workers, IndexedDB) spent its time. */
type Traced = <T>(what: string, action: () => Promise<T>) => Promise<T>;

/** Builds the bench page, serves it and runs `inPage` against it in headless Chromium. */
async function withBenchPage<T>(inPage: (call: Caller, traced: Traced) => Promise<T>): Promise<T> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'simulate-bench-'));
  const configFile = path.join(root, 'vite.config.ts');
  const input = path.join(here, 'simulate-bench.html');
  await build({
    root,
    configFile,
    logLevel: 'warn',
    // BENCH_PROFILE: readable function names in BENCH_TRACE's profiles.
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input },
      minify: process.env.BENCH_PROFILE ? false : undefined,
    },
  });
  const server = await preview({
    root,
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, '--js-flags=--expose-gc'],
  });
  try {
    const base = server.resolvedUrls?.local[0];
    if (base === undefined) throw new Error('the bench preview server has no address');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(new URL(path.relative(root, input), base).href);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    const call = pageCaller<BenchApi>(page, 'simulateBench');
    const traced: Traced = async (what, action) => {
      if (!process.env.BENCH_TRACE) return action();
      const { result, report } = await traceThreadsDuring(browser, page, action);
      process.stdout.write(`${what}:\n${report.join('\n')}\n`);
      return result;
    };
    const result = await inPage(call, traced);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return result;
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

interface Measured {
  /** The app's workers started for the run, reading the set from IndexedDB. */
  cold: SimulateRunFigures[];
  /** The app's kept workers, the set in their memory from the run before. */
  kept: SimulateRunFigures[];
  timed: SimulateRunFigures[];
}

/**
 * `rounds` runs of each kind, interleaved, after a warm-up run of the kept workers (traced, with
 * BENCH_TRACE, with one run of workers started for it).
 */
async function measure(
  call: Caller,
  traced: Traced,
  count: number,
  workers: number,
  rounds: number,
): Promise<Measured> {
  const { setId } = await call('store', count);
  await call('run', setId, count, workers, 'kept');
  await traced(`${count} profiles, ${workers} workers started for the run`, () =>
    call('run', setId, count, workers, 'cold'),
  );
  const runs: Measured = { cold: [], kept: [], timed: [] };
  for (let r = 0; r < rounds; r++) {
    runs.cold.push(await call('run', setId, count, workers, 'cold'));
    runs.kept.push(await call('run', setId, count, workers, 'kept'));
    runs.timed.push(await call('run', setId, count, workers, 'timed'));
  }
  for (const run of [...runs.cold, ...runs.kept, ...runs.timed]) {
    if (run.profiles !== count) throw new Error(`simulated ${run.profiles} of ${count} profiles`);
  }
  if (runs.timed.some((run) => run.parts.length !== workers))
    throw new Error('a timed worker did not report its timing');
  return runs;
}

/** Median over runs of the slowest worker's figure. */
function slowest(
  runs: readonly SimulateRunFigures[],
  pick: (part: SimulateRunFigures['parts'][number]) => number,
): number {
  return median(runs.map((run) => Math.max(...run.parts.map(pick))));
}

/**
 * Stores 100,000 and then 1,000,000 bench profiles in Chromium's IndexedDB and simulates them
 * with the app's worker pool: 100,000 in one worker, 1,000,000 across two. Figures are medians.
 */
export async function runSimulateBrowserBench(rounds = 3): Promise<SimulateBrowserRow[]> {
  const spec = benchSpec();
  const expected = simulatePartition(
    createSimulationPlan(spec, BENCH_OPTIONS),
    benchProfiles(SMALL),
    0,
  ).steps['t']?.entered;
  // BENCH_SIMULATE_ONLY=large: the 1,000,000-profile group alone (its rows), to iterate on it.
  const largeOnly = process.env.BENCH_SIMULATE_ONLY === 'large';
  const { small, large } = await withBenchPage(async (call, traced) => {
    await call('reset');
    const small = largeOnly ? null : await measure(call, traced, SMALL, 1, rounds);
    await call('reset');
    return { small, large: await measure(call, traced, LARGE, 2, rounds) };
  });
  const entered =
    small === null ? (expected ?? Number.NaN) : (small.cold[0]?.entered ?? Number.NaN);
  if (entered !== expected) throw new Error(`Chromium entered ${entered}, Node ${expected}`);
  if (small?.kept.some((run) => run.entered !== entered)) throw new Error('a kept run disagrees');
  // The bench profiles repeat 50,000 histories, so ten times as many people enter.
  if ([...large.cold, ...large.kept].some((run) => run.entered !== 10 * entered))
    throw new Error('the 1,000,000 run disagrees');
  const total = (runs: readonly SimulateRunFigures[]) => median(runs.map((run) => run.totalMs));
  const smallRows: SimulateBrowserRow[] =
    small === null
      ? []
      : [
          {
            name: '100,000 profiles, 20 steps, 90 days, 1 Web Worker: simulate (time not spent waiting for chunks)',
            value: slowest(small.timed, (t) => t.simulateMs),
            unit: 'ms',
            target: 200,
          },
          {
            name: '  same run: waiting for chunks to be read from IndexedDB and decoded',
            value: slowest(small.timed, (t) => t.readMs),
            unit: 'ms',
            target: null,
          },
          {
            name: "  end to end with the app's worker, started for the run: start, read, simulate, merge",
            value: total(small.cold),
            unit: 'ms',
            target: null,
          },
          {
            name: "  end to end with the app's kept worker, the set in its memory from a run before",
            value: total(small.kept),
            unit: 'ms',
            target: null,
          },
        ];
  return [
    ...smallRows,
    {
      // The target is the simulator's, as in Node (where the profiles are in memory): the time a
      // worker spends simulating. Reading the set from IndexedDB is reported beside it.
      name: '1,000,000 profiles across 2 Web Workers: simulate (slower worker, time not spent waiting for chunks)',
      value: slowest(large.timed, (t) => t.simulateMs),
      unit: 'ms',
      target: 1_500,
    },
    {
      name: '  same run: slower worker waiting for its 500,000 to be read from IndexedDB and decoded',
      value: slowest(large.timed, (t) => t.readMs),
      unit: 'ms',
      target: null,
    },
    {
      name: '  same run: from the call until the slower worker has loaded its module',
      value: median(
        large.timed.map((run) => Math.max(...run.parts.map((t) => t.loadedAt)) - run.calledAt),
      ),
      unit: 'ms',
      target: null,
    },
    {
      name: '  same run: from its request until the slower worker has its first 5,000 profiles read',
      value: slowest(large.timed, (t) => t.firstBatchAt - t.askedAt),
      unit: 'ms',
      target: null,
    },
    {
      name: "  same run, end to end with the app's workers started for it: start, read, simulate, merge",
      value: total(large.cold),
      unit: 'ms',
      target: 1_500,
    },
    {
      name: "  same run, end to end with the app's kept workers, the set in their memory from a run before",
      value: total(large.kept),
      unit: 'ms',
      target: null,
    },
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printMsRows(await runSimulateBrowserBench(Number(process.env.BENCH_ROUNDS ?? 3)));
}
