import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  cyclesWithoutWait,
  predecessors,
  reachableFrom,
  reachingTo,
  successors,
  wouldCloseLoopWithoutWait,
} from '../../../src/domain/index.ts';
import { makeDoc, type StepSpec } from './doc-fixture.ts';

const doc = makeDoc(
  [
    ['t', 'event'],
    ['split', 'if_else'],
    ['a', 'email'],
    ['b', 'sms'],
    ['wait', 'delay'],
    ['orphan', 'push'],
  ],
  [
    ['t', 'split'],
    ['split', 'a', 'yes'],
    ['split', 'b', 'no'],
    ['a', 'wait'],
    ['wait', 'split'],
  ],
);
const graph = buildGraph(doc);
const waits = (id: string) => id === 'wait';

describe('graph helpers', () => {
  it('lists successors and predecessors', () => {
    expect(successors(graph, 'split')).toEqual(['a', 'b']);
    expect(predecessors(graph, 'split').sort()).toEqual(['t', 'wait']);
    expect(successors(graph, 'missing')).toEqual([]);
  });

  it('finds what triggers reach and what reaches a step', () => {
    expect([...reachableFrom(graph, ['t'])].sort()).toEqual(['a', 'b', 'split', 't', 'wait']);
    expect([...reachingTo(graph, 'b')].sort()).toEqual(['a', 'b', 'split', 't', 'wait']);
  });

  it('accepts a loop through a wait and finds one without', () => {
    expect(cyclesWithoutWait(graph, waits)).toEqual([]);
    expect(cyclesWithoutWait(graph, () => false)).toEqual([['split', 'a', 'wait']]);
  });

  it('finds self-loops', () => {
    const self = makeDoc([['a', 'email']], [['a', 'a']]);
    expect(cyclesWithoutWait(buildGraph(self), () => false)).toEqual([['a']]);
  });

  it('predicts loops a new arrow would close', () => {
    expect(wouldCloseLoopWithoutWait(graph, 'b', 'split', waits)).toBe(true);
    expect(wouldCloseLoopWithoutWait(graph, 'wait', 'split', waits)).toBe(false);
    expect(wouldCloseLoopWithoutWait(graph, 'b', 'orphan', waits)).toBe(false);
    expect(wouldCloseLoopWithoutWait(graph, 'b', 'b', waits)).toBe(true);
  });

  it('handles a very long chain without overflowing the stack', () => {
    const n = 20_000;
    const steps = Array.from({ length: n }, (_, i): StepSpec => [`s${i}`, 'email']);
    const links = Array.from(
      { length: n - 1 },
      (_, i) => [`s${i}`, `s${i + 1}`] as [string, string],
    );
    const long = buildGraph(makeDoc([...steps], [...links, [`s${n - 1}`, 's0']]));
    expect(cyclesWithoutWait(long, () => false)[0]).toHaveLength(n);
  });
});
