// Forecast bench: 20 replications over 100,000 profiles against one run of the same journey.
// Run: npx tsx tests/bench/forecast-bench.ts
import { pathToFileURL } from 'node:url';
import { compile } from '../../src/domain/compile/compile.ts';
import type { Spec } from '../../src/domain/compile/spec-schema.ts';
import { generateProfiles } from '../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../src/domain/simulate/simulate.ts';
import { TEMPLATES } from '../../src/domain/templates/templates.ts';
import { inProcessForecastWorker } from '../../src/workers/forecast/in-process-forecast-worker.ts';
import { runForecast } from '../../src/workers/forecast/run-forecast.ts';

/** One measured figure. */
export interface ForecastBenchRow {
  name: string;
  value: number;
  unit: 'ms' | '×';
  /** The goal; null when the row is for information only. */
  target: number | null;
}

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const PROFILES = 100_000;
const REPLICATIONS = 20;
const ROUNDS = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function welcomeSpec(): Spec {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  const spec = template && compile(template.build(NOW, () => 'bench-welcome')).spec;
  if (!spec) throw new Error('the welcome series does not compile');
  return spec;
}

/**
 * Times one simulation of the welcome series over 100,000 profiles, then a 20-replication
 * forecast of it through the forecast pool's code path (one in-process worker, so both figures
 * use one core), and reports the ratio; the target is at most 20 single runs.
 */
export async function runForecastBench(): Promise<ForecastBenchRow[]> {
  const profiles = generateProfiles({ count: PROFILES, seed: 9, start: NOW - 365 * DAY, end: NOW });
  const spec = welcomeSpec();
  const options = { start: NOW - 180 * DAY, horizonDays: 180 };
  simulate(spec, profiles.slice(0, 20_000), { ...options, seed: 99 });
  // Rounds interleave single runs and forecasts so that load drifting during the bench hits
  // both figures alike; each figure is the median over its rounds.
  const singles: number[] = [];
  const forecasts: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < 2; i++) {
      const t = performance.now();
      simulate(spec, profiles, { ...options, seed: 2 * round + i + 1 });
      singles.push(performance.now() - t);
    }
    const t = performance.now();
    const run = await runForecast({
      variants: [{ spec, options }],
      profiles,
      replications: REPLICATIONS,
      workers: 1,
      createWorker: inProcessForecastWorker,
    });
    forecasts.push(performance.now() - t);
    if (run.replications.length !== REPLICATIONS) throw new Error('the forecast did not finish');
  }
  const single = median(singles);
  const forecast = median(forecasts);
  return [
    {
      name: `single run, ${PROFILES.toLocaleString('en')} profiles (median of ${singles.length})`,
      value: single,
      unit: 'ms',
      target: null,
    },
    {
      name: `${REPLICATIONS} replications, ${PROFILES.toLocaleString('en')} profiles (median of ${ROUNDS})`,
      value: forecast,
      unit: 'ms',
      target: null,
    },
    {
      name: `${REPLICATIONS} replications ÷ single run`,
      value: forecast / single,
      unit: '×',
      target: REPLICATIONS,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await runForecastBench()) {
    const target = row.target === null ? '' : ` (target ≤ ${row.target}${row.unit})`;
    process.stdout.write(
      `${row.name}: ${row.value.toFixed(row.unit === 'ms' ? 0 : 2)} ${row.unit}${target}\n`,
    );
  }
}
