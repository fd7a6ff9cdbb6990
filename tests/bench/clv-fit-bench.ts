// CLV fit bench: BG/NBD and Gamma-Gamma fitted to the CDNOW sample's calibration period (the
// fit the Customer value page runs). Run: npx tsx tests/bench/clv-fit-bench.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fitBgNbd, fitGammaGamma, rfmSummary } from '../../src/domain/forecast/index.ts';
import { importCdnow } from '../../src/domain/profiles/import/cdnow.ts';

/** One measured figure, in the shape `npm run bench` tabulates. */
export interface ClvFitBenchRow {
  name: string;
  value: number;
  unit: 'ms';
  target: number | null;
}

const ROUNDS = 5;
/** Each fit "in well under a second" on a quiet machine; this leaves room for a busy one. */
const TARGET_MS = 1_500;

const dataDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../public/data/cdnow',
);

function medianMs(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(ROUNDS / 2)] ?? NaN;
}

/** Times each fit on the 2,357 customers of the sample, calibrated to 1997-09-30. */
export function runClvFitBench(): ClvFitBenchRow[] {
  const { profiles } = importCdnow(readFileSync(path.join(dataDir, 'CDNOW_sample.txt'), 'utf8'));
  const summary = rfmSummary(profiles, { calibrationEnd: '1997-09-30' });
  return [
    {
      name: `BG/NBD fit, CDNOW sample (median of ${ROUNDS})`,
      value: medianMs(() => fitBgNbd(summary)),
      unit: 'ms',
      target: TARGET_MS,
    },
    {
      name: `Gamma-Gamma fit, CDNOW sample (median of ${ROUNDS})`,
      value: medianMs(() => fitGammaGamma(summary)),
      unit: 'ms',
      target: TARGET_MS,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of runClvFitBench()) {
    process.stdout.write(`${row.name}: ${Math.round(row.value)} ms (target ≤ ${row.target} ms)\n`);
  }
}
