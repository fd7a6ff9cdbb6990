// Helpers shared by the Chromium benches that drive a bench page through Playwright.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../support/chromium.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The functions a bench page puts on `window`, all called from Node. */
type PageApi<Api> = { [K in keyof Api]: (...args: never[]) => unknown };

/** Calls one of a bench page's functions with arguments that survive the trip to the page. */
export type Caller<Api extends PageApi<Api>> = <K extends keyof Api & string>(
  name: K,
  ...args: Parameters<Api[K]>
) => ReturnType<Api[K]>;

/** Calls `window[api][name](...args)` in the page. */
export function pageCaller<Api extends PageApi<Api>>(page: Page, api: string): Caller<Api> {
  return (name, ...args) =>
    page.evaluate(
      ([g, n, a]) =>
        (window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>)[g]?.[
          n
        ]?.(...a),
      [api, name, args] as const,
    ) as never;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Prints bench rows of milliseconds, one a line, with the verdict against each target. */
export function printMsRows(
  rows: readonly { name: string; value: number; target: number | null }[],
): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    const verdict =
      row.target === null
        ? ''
        : `(target ≤ ${row.target} ms) ${row.value <= row.target ? 'ok' : 'OVER'}`;
    process.stdout.write(
      `${row.name.padEnd(width)} ${row.value.toFixed(0).padStart(7)} ms  ${verdict}\n`,
    );
  }
}

/** One figure of a Chromium bench, as `tests/bench/run.ts` tables them. */
export interface MsRow {
  name: string;
  value: number;
  unit: 'ms';
  target: number | null;
}

/**
 * Measures `rounds` rounds of a bench on the demo app in one Chromium, and writes the bench's
 * rows from `median`, which gives the median over the rounds of the figure `pick` reads.
 */
export function rowsOfMedianRounds<Figures>(
  rounds: number,
  measureRound: (browser: Browser, url: string) => Promise<Figures>,
  rows: (median: (pick: (figures: Figures) => number) => number) => Omit<MsRow, 'unit'>[],
): Promise<MsRow[]> {
  return withDemoApp(async (url) => {
    const browser = await chromium.launch(chromiumLaunchOptions);
    const samples: Figures[] = [];
    try {
      for (let r = 0; r < rounds; r++) samples.push(await measureRound(browser, url));
    } finally {
      await browser.close();
    }
    const medianOf = (pick: (figures: Figures) => number) => median(samples.map(pick));
    return rows(medianOf).map((row) => ({ ...row, unit: 'ms' }));
  });
}

/** Builds the demo app (mock backend included) and serves it on a free port. */
export async function withDemoApp<T>(run: (url: string) => Promise<T>): Promise<T> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'wayfinder-app-bench-'));
  const configFile = path.join(root, 'vite.config.ts');
  // BENCH_PROFILE: readable function names in CPU profiles (see cpu-profile.ts).
  const minify = process.env.BENCH_PROFILE ? false : undefined;
  await build({ root, configFile, mode: 'demo', logLevel: 'warn', build: { outDir, minify } });
  const server = await preview({
    root,
    configFile,
    mode: 'demo',
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  try {
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('the demo preview server has no address');
    return await run(url);
  } finally {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/**
 * Opens the demo app in a fresh context of `browser` once its journey list shows `journey`; the
 * page's uncaught errors are gathered in `errors`. The caller closes `context`.
 */
export async function openDemoApp(browser: Browser, url: string, journey: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    // tsx compiles with esbuild's keepNames, which wraps a probe's inner functions in `__name`.
    await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.getByRole('link', { name: journey }).first().waitFor({ timeout: 60_000 });
    return { context, page, errors };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Generates `count` profiles (seed 42) through the app's Generate dialog, as a person would. */
export async function generateProfiles(page: Page, count: number): Promise<void> {
  await page.getByRole('link', { name: 'Profiles' }).first().click();
  await page.getByRole('button', { name: 'Generate profiles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate profiles' });
  await dialog.getByLabel('Number of profiles').fill(String(count));
  await dialog.getByLabel('Seed').fill('42');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await dialog
    .getByRole('status')
    .filter({ hasText: 'generated and saved' })
    .waitFor({ timeout: 180_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
}
