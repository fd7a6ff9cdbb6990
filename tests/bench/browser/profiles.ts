// Browser bench for profiles, in real headless Chromium against a production build of a bench
// page that runs the app's own import, generation, storage and segment code.
// Run: npx tsx tests/bench/browser/profiles.ts            (the targets, stored format)
//      npx tsx tests/bench/browser/profiles.ts --compare  (before/after and the layouts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../support/chromium.ts';
import { type Caller as HarnessCaller, median, pageCaller } from './bench-harness.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const cdnowMaster = path.resolve(root, 'public/data/cdnow/CDNOW_master.txt');
const GENERATED = 100_000;

/** One measured figure and its target, in milliseconds. */
export interface BenchRow {
  name: string;
  ms: number;
  target: number;
}

/** A figure of the comparison of chunk layouts; `target` is null for figures shown for context. */
export interface ComparisonRow {
  name: string;
  ms: number;
  target: number | null;
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
type Caller = HarnessCaller<BenchApi>;
type WithPage = <T>(run: (call: Caller) => Promise<T>) => Promise<T>;
interface FormatRun {
  cdnow: number;
  gen: GenerateFigures;
}

/** Builds the bench page, serves it, and hands out fresh Chromium pages running it. */
async function withBenchPages<T>(run: (withPage: WithPage) => Promise<T>): Promise<T> {
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
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, '--js-flags=--expose-gc'],
  });
  const url = `http://127.0.0.1:${port}/${path.relative(root, input)}`;
  const withPage: WithPage = async (inPage) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
      await page.setInputFiles('#cdnow', cdnowMaster);
      const call = pageCaller<BenchApi>(page, 'profilesBench');
      const result = await inPage(call);
      if (errors.length > 0) throw new Error(errors.join('\n'));
      return result;
    } finally {
      await page.close();
    }
  };
  try {
    return await run(withPage);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** CDNOW import, then generate, read and count 100,000, in a fresh page per round and format. */
async function measureFormats(
  withPage: WithPage,
  formats: readonly Format[],
  rounds: number,
): Promise<Record<Format, FormatRun[]>> {
  const runs: Record<Format, FormatRun[]> = { objects: [], columns: [] };
  for (let r = 0; r < rounds; r++) {
    for (const format of r % 2 === 0 ? formats : [...formats].reverse()) {
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
  return runs;
}

/** The four targets of issue 4, for the stored format: medians over `rounds` fresh pages. */
function targetRows(runs: FormatRun[], tag = ''): BenchRow[] {
  const m = (pick: (x: FormatRun) => number) => median(runs.map(pick));
  const matched = runs[0]?.gen.matched ?? 0;
  return [
    {
      name: `import CDNOW_master.txt (parse + write, 23,570 profiles)${tag}`,
      ms: m((x) => x.cdnow),
      target: 1_500,
    },
    { name: `read a 100,000-profile set (cold)${tag}`, ms: m((x) => x.gen.readMs), target: 1_000 },
    {
      name: `generate + store 100,000 profiles${tag}`,
      ms: m((x) => x.gen.generateMs),
      target: 5_000,
    },
    {
      name: `segment count over 100,000 profiles (${matched} match)${tag}`,
      ms: m((x) => x.gen.countMs),
      target: 100,
    },
  ];
}

/** Builds the bench page, opens it in headless Chromium and measures each target. */
export async function runProfilesBrowserBench(rounds = 3): Promise<BenchRow[]> {
  return withBenchPages(async (withPage) =>
    targetRows((await measureFormats(withPage, ['columns'], rounds)).columns),
  );
}

/**
 * The targets before (object chunks) and after (columnar chunks) side by side in one run, with
 * the read split into fetch and decode, and the three chunk layouts measured directly.
 */
export async function runProfilesLayoutComparison(rounds = 3): Promise<ComparisonRow[]> {
  return withBenchPages(async (withPage) => {
    const runs = await measureFormats(withPage, ['objects', 'columns'], rounds);
    const layouts = await withPage((call) => call('compareLayouts', GENERATED, rounds));
    const rows: ComparisonRow[] = [];
    for (const format of ['objects', 'columns'] as const) {
      const tag = format === 'columns' ? ' [columns]' : ' [before: objects]';
      const m = (pick: (x: FormatRun) => number) => median(runs[format].map(pick));
      rows.push(...targetRows(runs[format], tag));
      for (const [label, pick] of [
        ['read, fetch alone (one request)', (x: FormatRun) => x.gen.fetchMs],
        ['read, decode alone', (x: FormatRun) => x.gen.decodeMs],
        ['read, first chunk', (x: FormatRun) => x.gen.firstChunkMs],
      ] as const) {
        rows.push({ name: `  ${label}${tag}`, ms: m(pick), target: null });
      }
    }
    for (const [layout, figures] of Object.entries(layouts)) {
      for (const key of ['encode', 'write', 'read', 'decode'] as const) {
        rows.push({
          name: `layout ${layout}: ${key} 100,000 profiles`,
          ms: median(figures.map((f) => f[key])),
          target: null,
        });
      }
    }
    return rows;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const rows: ComparisonRow[] = process.argv.includes('--compare')
    ? await runProfilesLayoutComparison(rounds)
    : await runProfilesBrowserBench(rounds);
  for (const row of rows) {
    const verdict =
      row.target === null
        ? ''
        : `(target ≤ ${row.target} ms) ${row.ms <= row.target ? 'ok' : 'OVER'}`;
    process.stdout.write(
      `${row.name.padEnd(66)} ${row.ms.toFixed(0).padStart(7)} ms  ${verdict}\n`,
    );
  }
}
