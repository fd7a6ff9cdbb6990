// A diagnostic for the Chromium benches: a Chrome DevTools Protocol trace taken while the page
// does something, printed as a timeline of every thread's tasks (the page and its Web Workers)
// from a user-timing mark on, each with what took its time, and the app's marks between them.
// Used by simulation-panel.ts when BENCH_TRACE=first or =second (see there).
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

let saved = 0;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, when the thread was not descheduled: what a loaded machine inflates less. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'loading',
].join(',');

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle })) as { data: string; eof: boolean };
    text += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return text;
}

/** A readable name for a traced event: the function, event type or script it stands for. */
function describe(event: TraceEvent): string {
  const data = event.args?.data ?? {};
  const file = (url: unknown) => (typeof url === 'string' ? (url.split('/').pop() ?? '') : '');
  if (event.name === 'FunctionCall')
    return `call ${String(data['functionName'] || '(anonymous)')} ${file(data['url'])}:${String(data['lineNumber'] ?? '')}`;
  if (event.name === 'EventDispatch') return `event ${String(data['type'])}`;
  if (event.name === 'EvaluateScript') return `evaluate ${file(data['url'])}`;
  if (event.name === 'v8.compile' || event.name === 'v8.compileModule')
    return `${event.name} ${file(data['url'])}`;
  return event.name;
}

/** Each thread's tasks of at least `minMs` from the mark `from` on, and the marks among them. */
export function timeline(events: readonly TraceEvent[], from: string, minMs = 3): string[] {
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // A worker's script, from the first function it called in the trace: which worker is which.
  const script = new Map<string, string>();
  for (const e of events) {
    const url = e.args?.data?.['url'];
    const key = `${e.pid}:${e.tid}`;
    if (e.name === 'FunctionCall' && typeof url === 'string' && url !== '' && !script.has(key))
      script.set(key, url.split('/').pop() ?? '');
  }
  const scriptOf = (e: TraceEvent) => script.get(`${e.pid}:${e.tid}`) ?? 'page';
  const zero = events.find((e) => e.cat.includes('user_timing') && e.name === from)?.ts;
  if (zero === undefined) return [`no mark ${from} in the trace`];
  const at = (ts: number) => ((ts - zero) / 1000).toFixed(1).padStart(8);
  const lines: string[] = [];
  // Every mark of the trace, those before `from` too: what the workers were doing at the click.
  const marks = events
    .filter((e) => e.cat.includes('user_timing') && e.ph !== 'M')
    .sort((a, b) => a.ts - b.ts);
  for (const m of marks) lines.push(`${at(m.ts)} ms  mark ${m.name} (${scriptOf(m)})`);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts + (e.dur ?? 0) < zero) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  for (const [key, list] of byThread) {
    const name = threadName.get(key) ?? key;
    if (!/CrRendererMain|DedicatedWorker/.test(name)) continue;
    const tasks = list.filter(
      (e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask',
    );
    let busy = 0;
    let cpu = 0;
    const rows: string[] = [];
    for (const task of tasks) {
      const ms = (task.dur ?? 0) / 1000;
      busy += ms;
      cpu += (task.tdur ?? 0) / 1000;
      if (ms < minMs) continue;
      const end = task.ts + (task.dur ?? 0);
      const inside = list
        .filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
        .filter((e) => (e.dur ?? 0) >= 1000 && e.name !== 'RunTask')
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 5)
        .map((e) => `${describe(e)} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
      const cpuMs = ((task.tdur ?? 0) / 1000).toFixed(1).padStart(6);
      rows.push(
        `${at(task.ts)} ms  ${ms.toFixed(1).padStart(6)} ms (cpu ${cpuMs})  ${inside.join(' | ')}`,
      );
    }
    lines.push(
      `${name} (${key}${script.has(key) ? `, ${script.get(key)}` : ''}): busy ${busy.toFixed(0)} ms (cpu ${cpu.toFixed(0)} ms) in tasks after the mark`,
      ...rows,
    );
  }
  return lines;
}

/** Runs `action` under a trace and returns its result and the timeline from mark `from`. */
export async function traceDuring<T>(
  page: Page,
  from: string,
  action: () => Promise<T>,
): Promise<{ result: T; report: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    categories: CATEGORIES,
    transferMode: 'ReturnAsStream',
  } as never);
  const result = await action();
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (event: { stream?: string }) =>
      resolve(event.stream ?? ''),
    ),
  );
  await cdp.send('Tracing.end');
  const text = await readStream(cdp, await done);
  await cdp.detach();
  // BENCH_TRACE_SAVE=<file>: the raw trace too, for chrome://tracing or Perfetto.
  const saveTo = process.env.BENCH_TRACE_SAVE;
  if (saveTo) writeFileSync(`${saveTo}.${++saved}.json`, text);
  const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  return { result, report: timeline(events, from) };
}
