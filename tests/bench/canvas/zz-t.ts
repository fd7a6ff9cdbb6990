import { chromium } from 'playwright-core';
import { preview } from 'vite';
const server = await preview({ configFile: '/work/main/tests/bench/canvas/vite.config.ts' });
const url = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const variant of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}?${variant}`);
  await page.waitForFunction(() => (window as any).__bench?.loadedAt !== undefined, undefined, { timeout: 60000 });
  await page.evaluate(() => (window as any).__bench.pan(300));
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'cc', 'disabled-by-default-devtools.timeline.frame'] });
  const frames: number[] = await page.evaluate(() => (window as any).__bench.pan(2000));
  const buf = await browser.stopTracing();
  const trace = JSON.parse(buf.toString());
  const events = trace.traceEvents ?? trace;
  const names = new Map<number, string>();
  for (const e of events) if (e.name === 'thread_name') names.set(e.tid, e.args.name);
  const sum = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.dur) { const k = `${names.get(e.tid) ?? e.tid} ${e.name}`; sum.set(k, (sum.get(k) ?? 0) + e.dur / 1000); }
  console.log(variant, 'frames', frames.length, 'mean', (frames.reduce((a,b)=>a+b,0)/frames.length).toFixed(1));
  for (const [k, v] of [...sum].sort((a,b)=>b[1]-a[1]).slice(0, 18)) console.log('  ', v.toFixed(0).padStart(6), k);
  await page.close();
}
await browser.close(); await server.close();
