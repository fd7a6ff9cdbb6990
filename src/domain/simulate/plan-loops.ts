/**
 * Whether some step can be reached again from itself by following `next` (indices, negative for
 * the end of the journey). Only such a journey can run away: a run through one without a loop
 * enters each step at most once (spec §3.3).
 */
export function stepsLoop(steps: readonly { next: ArrayLike<number> }[]): boolean {
  const UNSEEN = 0;
  const ON_PATH = 1;
  const DONE = 2;
  const mark = new Uint8Array(steps.length);
  // Iterative depth-first search: a journey may have thousands of steps in a chain.
  const stack: { step: number; branch: number }[] = [];
  for (let root = 0; root < steps.length; root++) {
    if (mark[root] !== UNSEEN) continue;
    mark[root] = ON_PATH;
    stack.push({ step: root, branch: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { step: number; branch: number };
      const next = (steps[top.step] as { next: ArrayLike<number> }).next;
      if (top.branch === next.length) {
        mark[top.step] = DONE;
        stack.pop();
        continue;
      }
      const to = next[top.branch++] as number;
      if (to < 0 || mark[to] === DONE) continue;
      if (mark[to] === ON_PATH) return true;
      mark[to] = ON_PATH;
      stack.push({ step: to, branch: 0 });
    }
  }
  return false;
}
