import { cyclesWithoutWait } from '../journey/graph.ts';
import type { Analysis } from './analysis.ts';

/** Loops that wait less than this each time round are flagged: people would cycle too fast. */
export const MIN_LOOP_WAIT_MS = 3_600_000;

/** The loop's steps in order, quoted: `"Email" → "Wait"`; names only, so any language can use it. */
function loopNames(a: Analysis, ids: readonly string[]): string {
  return ids.map((id) => `"${a.steps.get(id)?.label ?? id}"`).join(' → ');
}

/**
 * The least time a profile is sure to spend at a step: 0 for steps that do not wait, the
 * kind's own figure when it has one, and "long enough" (Infinity) for waits it cannot bound
 * (a wait for an event has no lower bound it can promise, and is not flagged).
 */
function guaranteedWaitMs(a: Analysis, id: string): number {
  const def = a.definitions.get(id);
  if (def === undefined || !a.configs.has(id)) return Number.POSITIVE_INFINITY;
  if (!def.waits) return 0;
  return def.minimumWaitMs?.(a.configs.get(id)) ?? Number.POSITIVE_INFINITY;
}

/**
 * The shortest loop back to `start` through steps that each wait less than the limit, if its
 * waits add up to less than the limit: the step ids in order. Dijkstra over summed waits, cut
 * off at the limit.
 */
function shortLoopFrom(
  a: Analysis,
  start: string,
  wait: ReadonlyMap<string, number>,
): { ids: string[]; totalMs: number } | undefined {
  const startWait = wait.get(start) ?? Number.POSITIVE_INFINITY;
  const dist = new Map<string, number>([[start, startWait]]);
  const previous = new Map<string, string>();
  const done = new Set<string>();
  const open = new Set<string>([start]);
  let best: { via: string; totalMs: number } | undefined;
  while (open.size > 0) {
    let id = '';
    let d = Number.POSITIVE_INFINITY;
    for (const candidate of open) {
      const cd = dist.get(candidate) as number;
      if (cd < d) [id, d] = [candidate, cd];
    }
    open.delete(id);
    done.add(id);
    if (best !== undefined && d >= best.totalMs) break;
    for (const c of a.graph.outgoing.get(id) ?? []) {
      if (c.to === start) {
        if (d < MIN_LOOP_WAIT_MS && (best === undefined || d < best.totalMs))
          best = { via: id, totalMs: d };
        continue;
      }
      const w = wait.get(c.to);
      if (w === undefined || done.has(c.to)) continue;
      const nd = d + w;
      if (nd >= MIN_LOOP_WAIT_MS || nd >= (dist.get(c.to) ?? Number.POSITIVE_INFINITY)) continue;
      dist.set(c.to, nd);
      previous.set(c.to, id);
      open.add(c.to);
    }
  }
  if (best === undefined) return undefined;
  const ids = [best.via];
  while (ids[0] !== start) ids.unshift(previous.get(ids[0] as string) as string);
  return { ids, totalMs: best.totalMs };
}

function formatWait(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 1) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `${Math.round(ms / 1000)} seconds`;
}

/**
 * Loops with no wait at all are errors (people would go round forever in no time); loops whose
 * waits add up to less than an hour are warnings. Both are reported on every step of the loop.
 */
export function checkCycles(a: Analysis): void {
  const waits = (id: string): boolean => a.definitions.get(id)?.waits === true;
  for (const cycle of cyclesWithoutWait(a.graph, waits)) {
    const loop = loopNames(a, cycle);
    const message = `The loop ${loop} has no delay or wait-for-event, so people would go round it forever.`;
    for (const stepId of cycle) {
      a.diagnostics.push({
        severity: 'error',
        code: 'cycle-without-wait',
        message,
        params: { loop },
        stepId,
      });
    }
  }
  // Only steps that wait less than the limit can be on a loop that does.
  const wait = new Map<string, number>();
  for (const id of a.steps.keys()) {
    const ms = guaranteedWaitMs(a, id);
    if (ms < MIN_LOOP_WAIT_MS) wait.set(id, ms);
  }
  const flagged = new Set<string>();
  for (const [id, ms] of wait) {
    if (ms === 0 || flagged.has(id)) continue;
    const loop = shortLoopFrom(a, id, wait);
    if (loop === undefined) continue;
    const names = loopNames(a, loop.ids);
    const message = `People can go round the loop ${names} every ${formatWait(loop.totalMs)}; make its waits add up to at least an hour.`;
    // Under a minute reads as 0: the catalogue says "less than a minute".
    const params = { loop: names, minutes: Math.floor(loop.totalMs / 60_000) };
    for (const stepId of loop.ids) {
      flagged.add(stepId);
      a.diagnostics.push({ severity: 'warning', code: 'short-cycle', message, params, stepId });
    }
  }
}
