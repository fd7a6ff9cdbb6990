import { reachableFrom } from '../journey/graph.ts';
import type { Branch } from '../steps/step-definition.ts';
import type { Analysis } from './analysis.ts';
import { checkCycles } from './cycle-rules.ts';

/** No way in, steps nobody reaches, paths leading nowhere, loops that wait too little. */
export function checkFlow(a: Analysis): void {
  const out = a.diagnostics;
  if (a.triggerIds.length === 0) {
    out.push({
      severity: 'error',
      code: 'no-trigger',
      message: 'Add a trigger: the journey has no way in.',
      params: {},
    });
  } else {
    const reached = reachableFrom(a.graph, a.triggerIds);
    for (const step of a.steps.values()) {
      if (!reached.has(step.id)) {
        out.push({
          severity: 'warning',
          code: 'unreachable-step',
          message: `Nobody can reach "${step.label}": no trigger leads to it.`,
          params: { step: step.label },
          stepId: step.id,
        });
      }
    }
  }
  checkBranches(a);
  checkCycles(a);
  const hasAction = [...a.definitions.values()].some(
    (d) => d.category === 'action' && d.kind !== 'exit',
  );
  if (a.steps.size > 0 && !hasAction) {
    out.push({
      severity: 'warning',
      code: 'no-action',
      message: 'The journey does nothing yet: add a message or another action.',
      params: {},
    });
  }
}

/**
 * How `unconnected-branch` names a path, read from the branch's own phrase so the screens word it
 * as the canvas does: a kind's fixed branch by its key (`yes`, `timed_out`…, which the catalogue
 * words), a numbered path by its number, and a name the user typed (a split's variant) as typed.
 * `name` keeps the English label as a last resort for a fixed branch the catalogue lacks.
 */
function branchWord(b: Branch): { branch: string; name: string; number: number } {
  const values = b.text.values;
  if (values === undefined) return { branch: b.key, name: b.label, number: 0 };
  if (typeof values.number === 'number') {
    return { branch: 'numbered', name: b.label, number: values.number };
  }
  const name = typeof values.name === 'string' ? values.name : b.label;
  return { branch: 'named', name, number: 0 };
}

/** Splits, triggers and waits whose paths lead nowhere (people taking them just leave). */
function checkBranches(a: Analysis): void {
  for (const [id, branches] of a.branches) {
    const def = a.definitions.get(id);
    const step = a.steps.get(id);
    if (def === undefined || step === undefined) continue;
    if (branches.length === 1 && def.category === 'action') continue;
    const used = new Set((a.graph.outgoing.get(id) ?? []).map((c) => c.fromBranch));
    for (const b of branches) {
      if (used.has(b.key)) continue;
      a.diagnostics.push({
        severity: 'warning',
        code: 'unconnected-branch',
        message:
          branches.length === 1
            ? `Nothing follows "${step.label}", so people leave the journey right after it.`
            : `The "${b.label}" path of "${step.label}" leads nowhere; people taking it leave the journey.`,
        params: { step: step.label, ...branchWord(b), paths: branches.length },
        stepId: id,
        field: `branch:${b.key}`,
      });
    }
  }
}
