import { buildGraph, wouldCloseLoopWithoutWait } from '../journey/graph.ts';
import type { JourneyDocument } from '../journey/journey-schema.ts';
import { isTriggerKind } from '../steps/registry.ts';
import { branchesOf, stepWaits } from '../steps/step-branches.ts';

export type CanConnectResult =
  | { ok: true }
  | {
      ok: false;
      code:
        | 'dangling-connection'
        | 'self-loop'
        | 'connection-into-trigger'
        | 'unknown-branch'
        | 'duplicate-branch-connection'
        | 'cycle-without-wait';
      reason: string;
      /** The values of the code's message (`refusal.<code>` in the app's catalogues). */
      values?: Record<string, string>;
    };

/**
 * Whether an arrow from `branch` of step `from` to step `to` may be drawn. The canvas calls this
 * while dragging and words a refusal from its code.
 */
export function canConnect(
  doc: Pick<JourneyDocument, 'steps' | 'connections'>,
  from: string,
  branch: string,
  to: string,
): CanConnectResult {
  const source = doc.steps.find((s) => s.id === from);
  const target = doc.steps.find((s) => s.id === to);
  if (source === undefined || target === undefined) {
    return { ok: false, code: 'dangling-connection', reason: 'That step no longer exists.' };
  }
  if (from === to) return { ok: false, code: 'self-loop', reason: 'A step cannot lead to itself.' };
  if (isTriggerKind(target.kind)) {
    return {
      ok: false,
      code: 'connection-into-trigger',
      reason: 'Nothing can lead into a trigger: triggers are where people enter.',
    };
  }
  const branches = branchesOf(source);
  if (branches !== null && !branches.some((b) => b.key === branch)) {
    return {
      ok: false,
      code: 'unknown-branch',
      reason: `"${source.label}" has no such path.`,
      values: { label: source.label },
    };
  }
  if (doc.connections.some((c) => c.from === from && c.fromBranch === branch)) {
    return {
      ok: false,
      code: 'duplicate-branch-connection',
      reason: 'This path already leads somewhere; remove that arrow first.',
    };
  }
  const byId = new Map(doc.steps.map((s) => [s.id, s]));
  const waits = (id: string): boolean => stepWaits(byId.get(id));
  if (wouldCloseLoopWithoutWait(buildGraph(doc), from, to, waits)) {
    return {
      ok: false,
      code: 'cycle-without-wait',
      reason:
        'This would make a loop with no delay or wait-for-event in it, so people would go round it forever.',
    };
  }
  return { ok: true };
}
