import { isTriggerKind } from '../steps/registry.ts';
import type { Analysis } from './analysis.ts';
import { connectionIdProblem } from './limit-rules.ts';

/** Arrows to missing steps or branches, into triggers, repeated from one branch, or looping on one step. */
export function checkConnections(a: Analysis): void {
  const out = a.diagnostics;
  const usedIds = new Set<string>();
  const usedBranches = new Map<string, string>();
  for (const c of a.doc.connections) {
    if (usedIds.has(c.id)) {
      out.push({
        severity: 'error',
        code: 'duplicate-connection-id',
        message: `Two arrows share the id "${c.id}".`,
        params: { id: c.id },
        connectionId: c.id,
      });
    }
    usedIds.add(c.id);
    const unsafe = connectionIdProblem(c.id);
    if (unsafe !== undefined) out.push(unsafe);
    const from = a.steps.get(c.from);
    const to = a.steps.get(c.to);
    if (from === undefined || to === undefined) {
      out.push({
        severity: 'error',
        code: 'dangling-connection',
        message: 'An arrow points to or from a step that no longer exists.',
        params: {},
        connectionId: c.id,
        ...(from !== undefined ? { stepId: from.id } : {}),
      });
      continue;
    }
    const branches = a.branches.get(from.id);
    if (branches !== undefined && !branches.some((b) => b.key === c.fromBranch)) {
      out.push({
        severity: 'error',
        code: 'unknown-branch',
        message: `An arrow leaves "${from.label}" from a path it does not have ("${c.fromBranch}").`,
        params: { step: from.label, branch: c.fromBranch },
        stepId: from.id,
        connectionId: c.id,
      });
    }
    if (isTriggerKind(to.kind)) {
      out.push({
        severity: 'error',
        code: 'connection-into-trigger',
        message: `"${to.label}" is a trigger; nothing can lead into it.`,
        params: { step: to.label },
        stepId: to.id,
        connectionId: c.id,
      });
    }
    if (c.from === c.to) {
      out.push({
        severity: 'error',
        code: 'self-loop',
        message: `"${from.label}" leads to itself.`,
        params: { step: from.label },
        stepId: from.id,
        connectionId: c.id,
      });
    }
    const key = `${c.from}\u0000${c.fromBranch}`;
    const first = usedBranches.get(key);
    if (first !== undefined) {
      out.push({
        severity: 'error',
        code: 'duplicate-branch-connection',
        message: `One path of "${from.label}" has two arrows; each path leads to exactly one step.`,
        params: { step: from.label },
        stepId: from.id,
        connectionId: c.id,
      });
    } else usedBranches.set(key, c.id);
  }
}
