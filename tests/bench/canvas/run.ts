import { chromium, type Browser } from '@playwright/test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../support/chromium.ts';

const CONFIG = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

export type Variant = 'plain' | 'ours';

/** One measured configuration: medians over the runs. */
export interface CanvasBenchRow {
  variant: Variant;
  nodes: number;
  /** Page start → every node the canvas has to show drawn (ms): all for plain React Flow, those in view for ours. */
  loadMs: number;
  /** Nodes mounted at that moment. */
  drawnNodes: number;
  /** Frame time while panning at zoom 1 (ms). */
  frameMeanMs: number;
  frameP95Ms: number;
}

export interface CanvasBenchOptions {
  sizes?: readonly number[];
  runs?: number;
  panMs?: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (x: number) => Math.round(x * 10) / 10;

async function measure(browser: Browser, url: string, panMs: number) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.loadedAt !== undefined, undefined, {
    timeout: 60_000,
  });
  const loadMs = await page.evaluate(() => window.__bench.loadedAt as number);
  const drawnNodes = await page.evaluate(() => window.__bench.drawnNodes as number);
  const frames = await page.evaluate((ms) => window.__bench.pan(ms), panMs);
  await context.close();
  const mean = frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length);
  return { loadMs, drawnNodes, frameMeanMs: mean, frameP95Ms: percentile(frames, 95) };
}

/**
 * Builds the bench page, then in one Chromium run measures our canvas and plain React Flow
 * default nodes on the same graphs, interleaving the variants so drift hits both alike.
 */
export async function runCanvasBench(options: CanvasBenchOptions = {}): Promise<CanvasBenchRow[]> {
  const sizes = options.sizes ?? [500, 1000];
  const runs = options.runs ?? 3;
  const panMs = options.panMs ?? 3000;
  await build({ configFile: CONFIG });
  const server = await preview({ configFile: CONFIG });
  const address = server.resolvedUrls?.local[0];
  if (address === undefined) throw new Error('the bench preview server has no address');
  const browser = await chromium.launch(chromiumLaunchOptions);
  const rows: CanvasBenchRow[] = [];
  try {
    for (const nodes of sizes) {
      const samples: Record<Variant, Awaited<ReturnType<typeof measure>>[]> = {
        plain: [],
        ours: [],
      };
      for (let run = 0; run < runs; run++) {
        for (const variant of ['plain', 'ours'] as const) {
          samples[variant].push(
            await measure(browser, `${address}?variant=${variant}&n=${nodes}`, panMs),
          );
        }
      }
      for (const variant of ['plain', 'ours'] as const) {
        const s = samples[variant];
        rows.push({
          variant,
          nodes,
          loadMs: round(median(s.map((x) => x.loadMs))),
          drawnNodes: median(s.map((x) => x.drawnNodes)),
          frameMeanMs: round(median(s.map((x) => x.frameMeanMs))),
          frameP95Ms: round(median(s.map((x) => x.frameP95Ms))),
        });
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}

/** Targets from the issue: load ≤ 1.2× plain; p95 frame ≤ 20 ms at zoom 1 with 1,000 nodes. */
export function checkTargets(rows: readonly CanvasBenchRow[]): string[] {
  const failures: string[] = [];
  for (const ours of rows.filter((r) => r.variant === 'ours')) {
    const plain = rows.find((r) => r.variant === 'plain' && r.nodes === ours.nodes);
    if (plain !== undefined && ours.loadMs > plain.loadMs * 1.2) {
      failures.push(`${ours.nodes} nodes: load ${ours.loadMs} ms > 1.2 × plain ${plain.loadMs} ms`);
    }
    if (ours.nodes >= 1000 && ours.frameP95Ms > 20)
      failures.push(`${ours.nodes} nodes: p95 frame ${ours.frameP95Ms} ms > 20 ms`);
  }
  return failures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runCanvasBench();
  console.table(
    rows.map((r) => {
      const plain = rows.find((p) => p.variant === 'plain' && p.nodes === r.nodes);
      return {
        ...r,
        loadVsPlain: plain === undefined ? '' : `${(r.loadMs / plain.loadMs).toFixed(2)}×`,
      };
    }),
  );
  const failures = checkTargets(rows);
  for (const f of failures) console.log(`MISSED: ${f}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}
