// The page's main-thread tasks from a Chromium trace, with the time each took on the clock and
// the CPU time its thread got. On a shared two-core machine under load the two differ a lot: a
// task of 10 ms of work can take 150 ms on the clock while other processes hold the cores. The
// long-task observer sees the clock only; this tells what the page itself did.
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The longest main-thread task, on the clock and in thread CPU time (ms), over `action`. */
export async function tracedTasks<T>(
  browser: Browser,
  page: Page,
  action: () => Promise<T>,
): Promise<{ result: T; longestMs: number; longestCpuMs: number }> {
  await browser.startTracing(page, { categories: ['toplevel', '__metadata'] });
  const result = await action();
  const buffer = await browser.stopTracing();
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const isMain = (e: TraceEvent) => main.some((m) => m.pid === e.pid && m.tid === e.tid);
  let longestMs = 0;
  let longestCpuMs = 0;
  for (const e of events) {
    // "ThreadControllerImpl::RunTask" in this Chromium, "RunTask" in older ones.
    if (e.ph !== 'X' || !/(^|::)RunTask$/.test(e.name) || !isMain(e)) continue;
    longestMs = Math.max(longestMs, (e.dur ?? 0) / 1000);
    longestCpuMs = Math.max(longestCpuMs, (e.tdur ?? 0) / 1000);
  }
  return { result, longestMs, longestCpuMs };
}
