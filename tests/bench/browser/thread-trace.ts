// A diagnostic for the Chromium benches: a Chrome trace taken while the page does something,
// summed per thread (the page's main thread and each Web Worker): how long each was busy, and
// the functions that took that time (from V8's sampling profiler, which the trace carries).
// Used by forecast-page.ts when BENCH_TRACE=1 (with BENCH_PROFILE=1 for readable names).
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event. */
  tdur?: number;
  ph: string;
  name: string;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: { functionName: string; url?: string; lineNumber: number };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

const CATEGORIES = [
  'toplevel',
  'IndexedDB',
  'leveldb',
  'Blob',
  'storage',
  'mojom',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * Per thread: busy milliseconds (top-level tasks; under load part of that waits for a core, so
 * the thread time is shown too) and the functions with the most sampled self time.
 */
export function summariseTrace(events: readonly TraceEvent[], top = 12): string[] {
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name)
      threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  const busy = new Map<string, number>();
  const cpu = new Map<string, number>();
  // Garbage collections per thread and kind (a scavenge of the young objects, or a full mark).
  const gc = new Map<string, Map<string, { n: number; ms: number }>>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    // A thread pool's tasks (IndexedDB's backend, file reads) are named apart from a thread's.
    if (
      e.ph === 'X' &&
      (e.name === 'RunTask' || e.name === 'ThreadPool_RunTask') &&
      e.dur !== undefined
    ) {
      busy.set(key, (busy.get(key) ?? 0) + e.dur / 1000);
      cpu.set(key, (cpu.get(key) ?? 0) + (e.tdur ?? 0) / 1000);
    }
    if (e.ph === 'X' && (e.name === 'MinorGC' || e.name === 'MajorGC') && e.dur !== undefined) {
      const kinds = gc.get(key) ?? new Map<string, { n: number; ms: number }>();
      gc.set(key, kinds);
      const kind = kinds.get(e.name) ?? { n: 0, ms: 0 };
      kinds.set(e.name, kind);
      kind.n++;
      kind.ms += (e.tdur ?? e.dur) / 1000;
    }
  }
  // Sampled self time per profile (one profile per thread), by function.
  const profileThread = new Map<string, string>();
  const nodes = new Map<string, Map<number, string>>();
  const self = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (e.ph !== 'P' || e.id === undefined) continue;
    if (e.name === 'Profile') profileThread.set(e.id, `${e.pid}:${e.tid}`);
    if (e.name !== 'ProfileChunk') continue;
    const key = profileThread.get(e.id) ?? `${e.pid}:${e.tid}`;
    const names = nodes.get(e.id) ?? new Map<number, string>();
    nodes.set(e.id, names);
    for (const n of e.args?.data?.cpuProfile?.nodes ?? []) {
      const file = (n.callFrame.url ?? '').split('/').pop() ?? '';
      names.set(
        n.id,
        `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`,
      );
    }
    const samples = e.args?.data?.cpuProfile?.samples ?? [];
    const deltas = e.args?.data?.timeDeltas ?? [];
    const byName = self.get(key) ?? new Map<string, number>();
    self.set(key, byName);
    samples.forEach((id, i) => {
      const name = names.get(id) ?? `node ${id}`;
      if (name.startsWith('(idle)')) return;
      byName.set(name, (byName.get(name) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
    });
  }
  const lines: string[] = [];
  const keys = [...new Set([...busy.keys(), ...self.keys()])].filter(
    (k) => (busy.get(k) ?? 0) > 20 || self.has(k),
  );
  for (const key of keys) {
    const name = threadName.get(key) ?? key;
    const [wall, thread] = [busy.get(key) ?? 0, cpu.get(key) ?? 0];
    lines.push(`${name}: busy ${wall.toFixed(0)} ms, of it on a core ${thread.toFixed(0)} ms`);
    const kinds = [...(gc.get(key) ?? [])].map(
      ([kind, { n, ms }]) => `${kind} ×${n} ${ms.toFixed(0)} ms on a core`,
    );
    if (kinds.length > 0) lines.push(`    garbage collection: ${kinds.join(', ')}`);
    if (!self.has(key)) {
      // A thread without a JavaScript profile (IndexedDB's backend): its longest kinds of work.
      const named = new Map<string, number>();
      for (const e of events)
        if (
          `${e.pid}:${e.tid}` === key &&
          e.ph === 'X' &&
          e.dur !== undefined &&
          !e.name.includes('RunTask')
        )
          named.set(e.name, (named.get(e.name) ?? 0) + (e.tdur ?? e.dur) / 1000);
      for (const [what, ms] of [...named].sort((a, b) => b[1] - a[1]).slice(0, 6))
        lines.push(`    ${ms.toFixed(1).padStart(8)} ms  ${what}`);
    }
    const byName = [...(self.get(key) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    for (const [name, ms] of byName.slice(0, top))
      lines.push(`    ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
  return lines;
}

/** Runs `action` under Chrome tracing and returns its result and the per-thread summary. */
export async function traceThreadsDuring<T>(
  browser: Browser,
  page: Page,
  action: () => Promise<T>,
): Promise<{ result: T; report: string[] }> {
  await browser.startTracing(page, { categories: CATEGORIES });
  const result = await action();
  const buffer = await browser.stopTracing();
  const trace = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] };
  return { result, report: summariseTrace(trace.traceEvents) };
}
