// A diagnostic for the Chromium benches: a CPU profile (Chrome DevTools Protocol) taken while
// the page does something, cut into the runs of samples where the main thread was busy for
// longer than a long task (50 ms), with the functions that took the time in each run.
// Used by profile-pages.ts when BENCH_PROFILE=1 (which also builds the app unminified).
import type { Page } from '@playwright/test';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const IDLE = new Set(['(idle)', '(program)']);

function frameName(frame: CallFrame): string {
  const file = frame.url.split('/').pop() ?? '';
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** The busy runs over `minMs` of a profile, each with its top functions by self and total time. */
export function busyRuns(
  profile: CpuProfile,
  minMs = Number(process.env.BENCH_BUSY_MS ?? 50),
  top = 8,
): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const stackOf = (id: number): ProfileNode[] => {
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) stack.push(node);
    }
    return stack;
  };
  const lines: string[] = [];
  let run: { ms: number; self: Map<string, number>; total: Map<string, number> } | null = null;
  const flush = () => {
    if (run && run.ms >= minMs) {
      const best = (m: Map<string, number>) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([name, ms]) => `      ${ms.toFixed(1).padStart(7)} ms  ${name}`);
      lines.push(`  busy for ${run.ms.toFixed(0)} ms; self time:`, ...best(run.self));
      lines.push('    total time:', ...best(run.total));
    }
    run = null;
  };
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) {
      flush();
      return;
    }
    run ??= { ms: 0, self: new Map(), total: new Map() };
    run.ms += ms;
    const self = frameName(node.callFrame);
    run.self.set(self, (run.self.get(self) ?? 0) + ms);
    for (const name of new Set(stackOf(id).map((n) => frameName(n.callFrame))))
      run.total.set(name, (run.total.get(name) ?? 0) + ms);
  });
  flush();
  return lines;
}

/** Runs `action` under the CPU profiler and returns its result and the busy runs over 50 ms. */
export async function profileDuring<T>(
  page: Page,
  action: () => Promise<T>,
): Promise<{ result: T; report: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const result = await action();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  return { result, report: busyRuns(profile) };
}
