// Node bench of the simulator: the engine against a hand-written floor loop for the same
// 20-step journey, and a million profiles split across two worker threads.
// Run: npx tsx tests/bench/simulate-bench.ts
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { mergeResults } from '../../src/domain/simulate/merge.ts';
import { createSimulationPlan } from '../../src/domain/simulate/plan.ts';
import type { SimulationResult } from '../../src/domain/simulate/result-schema.ts';
import { profileColumns } from '../../src/domain/simulate/profile-columns.ts';
import { simulatePartition } from '../../src/domain/simulate/simulate.ts';
import { benchProfiles } from './simulate-floor.ts';
import { runFloor } from './simulate-floor-loop.ts';
import { floorMismatch } from './simulate-floor-result.ts';
import { BENCH_OPTIONS as OPTIONS, benchSpec } from './simulate-spec.ts';

/** One measured figure. */
export interface SimulateBenchRow {
  name: string;
  value: number;
  unit: 'ms' | '×';
  /** The goal; null when the row is for information only. */
  target: number | null;
}

/** Best of `runs` back-to-back timings of `work`. */
function bestOf(runs: number, work: () => void): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/**
 * Best timings of `a` and `b`, each over `blocks` blocks of five back-to-back runs, the blocks of
 * the two in turns, after five warm-ups each (a loaded machine may take a few runs to have the
 * optimised code of a long function ready: the floor's took three, and once read 25 ms in all
 * fifteen runs after three). Runs stay back to back so
 * neither side runs in the other's wake (a floor run right after an engine run reads about 1 ms
 * slower), and the blocks take turns so a load swing in one block does not decide a side alone.
 */
function bestInBlocks(blocks: number, a: () => void, b: () => void): [number, number] {
  for (let i = 0; i < 5; i++) a();
  for (let i = 0; i < 5; i++) b();
  let minA = Number.POSITIVE_INFINITY;
  let minB = Number.POSITIVE_INFINITY;
  for (let i = 0; i < blocks; i++) {
    minA = Math.min(minA, bestOf(5, a));
    minB = Math.min(minB, bestOf(5, b));
  }
  return [minA, minB];
}

interface WorkerJob {
  simulateBench: true;
  from: number;
  count: number;
}

/** Worker thread: builds its share of profiles, waits for "go", simulates, posts its time and result. */
function serveWorker(job: WorkerJob): void {
  const spec = benchSpec();
  const profiles = profileColumns(benchProfiles(job.count, 50_000, job.from));
  // Warm up the engine on a slice so both threads run compiled code when timed.
  simulatePartition(createSimulationPlan(spec, OPTIONS), profileColumns(benchProfiles(20_000)), 0);
  parentPort?.postMessage({ type: 'ready' });
  parentPort?.on('message', () => {
    const t = performance.now();
    const result = simulatePartition(
      createSimulationPlan(spec, OPTIONS),
      profiles,
      job.from === 0 ? 0 : 1,
    );
    parentPort?.postMessage({ type: 'done', ms: performance.now() - t, result });
  });
}

async function millionAcrossTwo(): Promise<{ ms: number; result: SimulationResult }> {
  const half = 500_000;
  const workers = [0, half].map(
    (from) =>
      new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`,
        {
          eval: true,
          workerData: { simulateBench: true, from, count: half } satisfies WorkerJob,
        },
      ),
  );
  await Promise.all(
    workers.map((w) => new Promise<void>((resolve) => w.once('message', () => resolve()))),
  );
  const started = performance.now();
  const results = await Promise.all(
    workers.map(
      (w) =>
        new Promise<SimulationResult>((resolve, reject) => {
          w.once('message', (m: { result: SimulationResult }) => resolve(m.result));
          w.once('error', reject);
          w.postMessage('go');
        }),
    ),
  );
  const merged = mergeResults(results);
  const ms = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  return { ms, result: merged };
}

/** Runs the simulator bench: engine and floor on 100,000 profiles, then 1,000,000 on two threads. */
export async function runSimulateBench(): Promise<SimulateBenchRow[]> {
  const spec = benchSpec();
  // Both loops read the same columns (made once, as a worker indexes a stored set).
  const profiles = profileColumns(benchProfiles(100_000));
  const result = simulatePartition(createSimulationPlan(spec, OPTIONS), profiles, 0);
  // The floor is a floor only for the same work: it must give the engine's result.
  const mismatch = floorMismatch(runFloor(profiles, OPTIONS.seed), result);
  if (mismatch !== null) throw new Error(`the floor and the engine differ at ${mismatch}`);
  const [engineMs, floorMs] = bestInBlocks(
    3,
    () => simulatePartition(createSimulationPlan(spec, OPTIONS), profiles, 0),
    () => runFloor(profiles, OPTIONS.seed),
  );
  const million = await millionAcrossTwo();
  if (million.result.profiles !== 1_000_000)
    throw new Error('the threads did not simulate a million profiles');
  return [
    {
      name: 'engine: 100,000 profiles, 20 steps, 90 days, one thread',
      value: engineMs,
      unit: 'ms',
      target: 200,
    },
    {
      name: 'floor: hand-written loop, same journey, profiles and result (checked equal)',
      value: floorMs,
      unit: 'ms',
      target: null,
    },
    { name: 'engine ÷ floor', value: engineMs / floorMs, unit: '×', target: 2 },
    {
      name: 'engine: 1,000,000 profiles across 2 worker threads (incl. merge)',
      value: million.ms,
      unit: 'ms',
      target: 1500,
    },
  ];
}

/** The rows as a markdown table. */
export function formatSimulateBench(rows: readonly SimulateBenchRow[]): string {
  const lines = ['| measure | value | target |', '|---|---:|---:|'];
  for (const r of rows) {
    const value = r.unit === 'ms' ? `${r.value.toFixed(1)} ms` : `${r.value.toFixed(2)} ×`;
    const target =
      r.target === null ? '–' : r.unit === 'ms' ? `≤ ${r.target} ms` : `≤ ${r.target} ×`;
    lines.push(`| ${r.name} | ${value} | ${target} |`);
  }
  return lines.join('\n');
}

if (!isMainThread && (workerData as Partial<WorkerJob> | null)?.simulateBench === true) {
  serveWorker(workerData as WorkerJob);
} else if (
  isMainThread &&
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  runSimulateBench().then(
    (rows) => console.log(formatSimulateBench(rows)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
