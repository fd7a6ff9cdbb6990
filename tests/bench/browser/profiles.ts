// Browser bench for profiles, in real headless Chromium against a production build of a bench
// page that runs the app's own import, generation, storage and segment code.
// Run: npx tsx tests/bench/browser/profiles.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../support/chromium.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const cdnowMaster = path.resolve(root, '../shared/data/cdnow/CDNOW_master.txt');
const GENERATED = 100_000;
const FORMATS: Format[] = ['objects', 'columns'];

/** One measured figure and its target, in milliseconds. */
export interface BenchRow {
  name: string;
  ms: number;
  target: number;
}

type Format = 'objects' | 'columns';
interface GenerateFigures {
  generateMs: number;
  readMs: number;
  fetchMs: number;
  decodeMs: number;
  firstChunkMs: number;
  countMs: number;
  matched: number;
}
interface LayoutFigures {
  encode: number;
  write: number;
  read: number;
  decode: number;
}
interface BenchApi {
  importCdnow(format: Format): Promise<{ ms: number; count: number }>;
  generateReadCount(count: number, format: Format): Promise<GenerateFigures>;
  compareLayouts(count: number, rounds: number): Promise<Record<string, LayoutFigures[]>>;
}

/** Fresh pages per round and per chunk format: the old object layout ("before") and columns. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

type Caller = <K extends keyof BenchApi>(
  name: K,
  ...args: Parameters<BenchApi[K]>
) => ReturnType<BenchApi[K]>;

/** Builds the bench page, opens it in headless Chromium and measures each target. */
export async function runProfilesBrowserBench(): Promise<BenchRow[]> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'profiles-bench-'));
  const input = path.join(here, 'profiles-bench.html');
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input } },
  });
  const server = await preview({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch(chromiumLaunchOptions);
  const url = `http://127.0.0.1:${port}/${path.relative(root, input)}`;
  async function withPage<T>(run: (call: Caller) => Promise<T>): Promise<T> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
      await page.setInputFiles('#cdnow', cdnowMaster);
      const call: Caller = (name, ...args) =>
        page.evaluate(
          ([n, a]) =>
            (
              window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>
            ).profilesBench?.[n]?.(...a),
          [name, args] as const,
        ) as never;
      const result = await run(call);
      if (errors.length > 0) throw new Error(errors.join('\n'));
      return result;
    } finally {
      await page.close();
    }
  }
  try {
    const runs: Record<Format, { cdnow: number; gen: GenerateFigures }[]> = {
      objects: [],
      columns: [],
    };
    for (let r = 0; r < ROUNDS; r++) {
      for (const format of r % 2 === 0 ? FORMATS : [...FORMATS].reverse()) {
        runs[format].push(
          await withPage(async (call) => {
            const imported = await call('importCdnow', format);
            if (imported.count !== 23_570)
              throw new Error(`CDNOW import gave ${imported.count} profiles, expected 23,570`);
            return { cdnow: imported.ms, gen: await call('generateReadCount', GENERATED, format) };
          }),
        );
      }
    }
    const layouts = await withPage((call) => call('compareLayouts', GENERATED, ROUNDS));
    const m = (format: Format, pick: (x: { cdnow: number; gen: GenerateFigures }) => number) =>
      median(runs[format].map(pick));
    const rows: BenchRow[] = [];
    for (const format of FORMATS) {
      const tag = format === 'columns' ? '' : ' [before: object chunks]';
      const matched = runs[format][0]?.gen.matched ?? 0;
      rows.push(
        {
          name: `import CDNOW_master.txt (parse + write, 23,570 profiles)${tag}`,
          ms: m(format, (x) => x.cdnow),
          target: 1_500,
        },
        {
          name: `read a 100,000-profile set (cold)${tag}`,
          ms: m(format, (x) => x.gen.readMs),
          target: 1_000,
        },
        {
          name: `  of which IndexedDB fetch${tag}`,
          ms: m(format, (x) => x.gen.fetchMs),
          target: 1_000,
        },
        {
          name: `  of which decode${tag}`,
          ms: m(format, (x) => x.gen.decodeMs),
          target: 1_000,
        },
        {
          name: `first chunk of a 100,000-profile set (cold)${tag}`,
          ms: m(format, (x) => x.gen.firstChunkMs),
          target: 1_000,
        },
        {
          name: `generate + store 100,000 profiles${tag}`,
          ms: m(format, (x) => x.gen.generateMs),
          target: 5_000,
        },
        {
          name: `segment count over 100,000 profiles (${matched} match)${tag}`,
          ms: m(format, (x) => x.gen.countMs),
          target: 100,
        },
      );
    }
    for (const [layout, figures] of Object.entries(layouts)) {
      for (const key of ['encode', 'write', 'read', 'decode'] as const) {
        rows.push({
          name: `layout ${layout}: ${key} 100,000 profiles`,
          ms: median(figures.map((f) => f[key])),
          target: key === 'read' ? 1_000 : 5_000,
        });
      }
    }
    return rows;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await runProfilesBrowserBench();
  for (const row of rows) {
    const verdict = row.ms <= row.target ? 'ok' : 'OVER';
    process.stdout.write(
      `${row.name.padEnd(62)} ${row.ms.toFixed(0).padStart(7)} ms  (target ≤ ${row.target} ms) ${verdict}\n`,
    );
  }
}
