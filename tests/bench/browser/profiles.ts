// Browser bench for profiles, in real headless Chromium against a production build of a bench
// page that runs the app's own import, generation, storage and segment code.
// Run: npx tsx tests/bench/browser/profiles.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const cdnowMaster = path.resolve(root, '../shared/data/cdnow/CDNOW_master.txt');
const GENERATED = 100_000;

/** One measured figure and its target, in milliseconds. */
export interface BenchRow {
  name: string;
  ms: number;
  target: number;
}

interface BenchApi {
  importCdnow(): Promise<{ ms: number; count: number }>;
  generateReadCount(
    count: number,
  ): Promise<{ generateMs: number; readMs: number; countMs: number; matched: number }>;
}

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
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/${path.relative(root, input)}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.setInputFiles('#cdnow', cdnowMaster);
    const call = <K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>) =>
      page.evaluate(
        ([n, a]) =>
          (
            window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>
          ).profilesBench?.[n]?.(...a),
        [name, args] as const,
      ) as ReturnType<BenchApi[K]>;

    const imported = await call('importCdnow');
    if (imported.count !== 23_570)
      throw new Error(`CDNOW import gave ${imported.count} profiles, expected 23,570`);
    const generated = await call('generateReadCount', GENERATED);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return [
      {
        name: 'import CDNOW_master.txt (parse + write, 23,570 profiles)',
        ms: imported.ms,
        target: 1_500,
      },
      { name: 'read a 100,000-profile set (cold)', ms: generated.readMs, target: 1_000 },
      { name: 'generate + store 100,000 profiles', ms: generated.generateMs, target: 5_000 },
      {
        name: `segment count over 100,000 profiles (${generated.matched} match)`,
        ms: generated.countMs,
        target: 100,
      },
    ];
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
