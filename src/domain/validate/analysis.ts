import type { z } from 'zod';
import { buildGraph, type JourneyGraph } from '../journey/graph.ts';
import type { JourneyDocument, JourneyStep } from '../journey/journey-schema.ts';
import { getStepDefinition, type AnyStepDefinition } from '../steps/registry.ts';
import type { Branch } from '../steps/step-definition.ts';
import type { Diagnostic } from './diagnostic.ts';
import { issueKeys, issuePath, zodProblem } from './zod-problem.ts';
import {
  branchKeyProblems,
  compiledBodyProblems,
  documentLimitProblems,
  stepLimitProblems,
} from './limit-rules.ts';

/** What one pass over a document learns, shared by the rules and the compiler. */
export interface Analysis {
  doc: JourneyDocument;
  /** First step per id (later duplicates are reported and ignored). */
  steps: Map<string, JourneyStep>;
  definitions: Map<string, AnyStepDefinition>;
  /** Parsed configs of steps whose config fits the schema. */
  configs: Map<string, unknown>;
  /** Branches of steps whose config parsed. */
  branches: Map<string, Branch[]>;
  /** Spec bodies (`def.compile(config)`) of steps whose config parsed. */
  bodies: Map<string, Record<string, unknown>>;
  triggerIds: string[];
  graph: JourneyGraph;
  diagnostics: Diagnostic[];
  /** Over the step or arrow limit: the steps were not analysed. */
  tooLarge: boolean;
}

/** Issues from zod on a step config, one diagnostic per field. */
function configDiagnostics(step: JourneyStep, issues: readonly z.core.$ZodIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    const field = issuePath(issue);
    return {
      severity: 'error',
      code: 'invalid-config',
      message:
        field === ''
          ? `"${step.label}" has unreadable settings: ${issue.message}`
          : `${field}: ${issue.message}`,
      params: { field: field === '' ? 'config' : field, ...zodProblem(issue) },
      stepId: step.id,
      ...(field === '' ? {} : { field, fieldKeys: issueKeys(issue) }),
    };
  });
}

/**
 * Parses every step once and collects the per-step findings. Limits come first: a journey over
 * the step or arrow limit is not analysed further, and settings nested too deeply never reach
 * the kind's schema (which recurses).
 */
export function analyse(doc: JourneyDocument): Analysis {
  const a: Analysis = {
    doc,
    steps: new Map(),
    definitions: new Map(),
    configs: new Map(),
    branches: new Map(),
    bodies: new Map(),
    triggerIds: [],
    graph: buildGraph(doc),
    diagnostics: documentLimitProblems(doc),
    tooLarge: false,
  };
  a.tooLarge = a.diagnostics.some(
    (d) => d.code === 'too-many-steps' || d.code === 'too-many-connections',
  );
  if (a.tooLarge) return a;
  for (const step of doc.steps) {
    if (a.steps.has(step.id)) {
      a.diagnostics.push({
        severity: 'error',
        code: 'duplicate-step-id',
        message: `Two steps share the id "${step.id}".`,
        params: { id: step.id },
        stepId: step.id,
      });
      continue;
    }
    a.steps.set(step.id, step);
    const limits = stepLimitProblems(step);
    a.diagnostics.push(...limits.diagnostics);
    const def = getStepDefinition(step.kind);
    if (def === undefined) {
      a.diagnostics.push({
        severity: 'error',
        code: 'unknown-kind',
        message: `"${step.label}" is a kind of step this version does not know ("${step.kind}").`,
        params: { step: step.label, kind: step.kind },
        stepId: step.id,
      });
      continue;
    }
    a.definitions.set(step.id, def);
    if (def.category === 'trigger') a.triggerIds.push(step.id);
    if (!limits.parseable) continue;
    const parsed = def.configSchema.safeParse(step.config, { reportInput: true });
    if (!parsed.success) {
      a.diagnostics.push(...configDiagnostics(step, parsed.error.issues));
      continue;
    }
    a.configs.set(step.id, parsed.data);
    const branches = def.branches(parsed.data);
    a.branches.set(step.id, branches);
    a.diagnostics.push(...branchKeyProblems(step.id, branches));
    const body = def.compile(parsed.data);
    a.bodies.set(step.id, body);
    a.diagnostics.push(...compiledBodyProblems(step.id, body));
    for (const issue of def.validate(parsed.data))
      a.diagnostics.push({ ...issue, stepId: step.id });
  }
  return a;
}
