import type { Connection, JourneyDocument } from './journey-schema.ts';

/** Outgoing and incoming connections per step id, built once per question. */
export interface JourneyGraph {
  outgoing: ReadonlyMap<string, readonly Connection[]>;
  incoming: ReadonlyMap<string, readonly Connection[]>;
}

/** Indexes a document's connections; connections to or from missing steps are kept as they are. */
export function buildGraph(doc: Pick<JourneyDocument, 'steps' | 'connections'>): JourneyGraph {
  const outgoing = new Map<string, Connection[]>();
  const incoming = new Map<string, Connection[]>();
  for (const step of doc.steps) {
    outgoing.set(step.id, []);
    incoming.set(step.id, []);
  }
  for (const c of doc.connections) {
    let out = outgoing.get(c.from);
    if (out === undefined) outgoing.set(c.from, (out = []));
    out.push(c);
    let inc = incoming.get(c.to);
    if (inc === undefined) incoming.set(c.to, (inc = []));
    inc.push(c);
  }
  return { outgoing, incoming };
}

/** Ids of the steps directly after `stepId`, in connection order, without repeats. */
export function successors(graph: JourneyGraph, stepId: string): string[] {
  return [...new Set((graph.outgoing.get(stepId) ?? []).map((c) => c.to))];
}

/** Ids of the steps directly before `stepId`, without repeats. */
export function predecessors(graph: JourneyGraph, stepId: string): string[] {
  return [...new Set((graph.incoming.get(stepId) ?? []).map((c) => c.from))];
}

/** Every step id reachable from `starts` (the starts included), following connections. */
export function reachableFrom(graph: JourneyGraph, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const c of graph.outgoing.get(id) ?? []) if (!seen.has(c.to)) stack.push(c.to);
  }
  return seen;
}

/** Every step id from which `target` can be reached (the target included). */
export function reachingTo(graph: JourneyGraph, target: string): Set<string> {
  const seen = new Set<string>();
  const stack = [target];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const c of graph.incoming.get(id) ?? []) if (!seen.has(c.from)) stack.push(c.from);
  }
  return seen;
}

/**
 * Finds loops that never pass through a step for which `waits(stepId)` is true: each result is
 * the step ids of one strongly connected component (a self-loop gives a single id). Uses
 * Tarjan's algorithm over the steps that do not wait, iteratively so deep graphs cannot
 * overflow the stack.
 */
export function cyclesWithoutWait(
  graph: JourneyGraph,
  waits: (stepId: string) => boolean,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  const next = (id: string): string[] =>
    (graph.outgoing.get(id) ?? [])
      .map((c) => c.to)
      .filter((to) => graph.outgoing.has(to) && !waits(to));

  for (const root of graph.outgoing.keys()) {
    if (waits(root) || index.has(root)) continue;
    const work: { id: string; edges: string[]; i: number }[] = [];
    const open = (id: string): void => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, edges: next(id), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; edges: string[]; i: number };
      if (frame.i < frame.edges.length) {
        const to = frame.edges[frame.i++] as string;
        if (!index.has(to)) open(to);
        else if (onStack.has(to))
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(to) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = frame.edges.includes(frame.id);
        if (component.length > 1 || selfLoop) result.push(component.reverse());
      }
    }
  }
  return result;
}

/**
 * Whether adding an arrow `from → to` would close a loop with no waiting step on it: true when
 * neither end waits and `from` is reachable from `to` through steps that do not wait.
 */
export function wouldCloseLoopWithoutWait(
  graph: JourneyGraph,
  from: string,
  to: string,
  waits: (stepId: string) => boolean,
): boolean {
  if (waits(from) || waits(to)) return false;
  if (from === to) return true;
  const seen = new Set<string>();
  const stack = [to];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === from) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const c of graph.outgoing.get(id) ?? [])
      if (!waits(c.to) && !seen.has(c.to)) stack.push(c.to);
  }
  return false;
}
