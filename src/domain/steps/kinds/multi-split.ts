import { z } from 'zod';
import { conditionGroupSchema, emptyConditionGroup } from '../../conditions/condition-schema.ts';
import { conditionIssues, duplicateKeyIssues, filled } from '../shared.ts';
import { defineStep } from '../step-definition.ts';
import type { StepPhrase } from '../step-phrase.ts';
import { OP } from '../../simulate/plan-step.ts';
import { compileCondition } from '../../conditions/compile-condition.ts';

/** The branch key of the path for profiles no branch matched. */
export const ELSE_BRANCH = 'else';

const branchSchema = z.object({
  /** Stable key used by connections; survives renames and reordering. */
  key: z.string().min(1),
  label: z.string(),
  condition: conditionGroupSchema,
});

const configSchema = z.object({ branches: z.array(branchSchema).min(1).max(20) });
export type MultiSplitConfig = z.infer<typeof configSchema>;
type Path = MultiSplitConfig['branches'][number];

/** A path's English name: the user's, else its number. */
const pathLabel = (b: Path, i: number): string => (filled(b.label) ? b.label : `Path ${i + 1}`);

/** A path's name as a phrase: the user's own, untouched, else "Path 2" in their language. */
const pathText = (b: Path, i: number): StepPhrase =>
  filled(b.label)
    ? { id: 'step.multi_split.branch.named', values: { name: b.label } }
    : { id: 'step.multi_split.branch.numbered', values: { number: i + 1 } };

/** Sends a profile down the first branch whose condition holds, in listed order, else "Everyone else". */
export const multiSplitStep = defineStep(
  'multi_split',
  configSchema,
)({
  category: 'condition',
  label: 'Multi-split',
  icon: 'split',
  defaultConfig: () => ({
    branches: [
      { key: 'b1', label: 'Path 1', condition: emptyConditionGroup() },
      { key: 'b2', label: 'Path 2', condition: emptyConditionGroup() },
    ],
  }),
  branches: (c) => [
    ...c.branches.map((b, i) => ({ key: b.key, label: pathLabel(b, i), text: pathText(b, i) })),
    { key: ELSE_BRANCH, label: 'Everyone else', text: { id: 'step.multi_split.branch.else' } },
  ],
  simulation: {
    op: OP.firstMatch,
    plan: (target, step) => {
      target.conditions = step.branches.map((b) => b.condition);
      target.predicates = step.branches.map((b) => compileCondition(b.condition));
    },
  },
  summary: (c) => ({ id: 'step.multi_split.summary', values: { paths: c.branches.length } }),
  audiences: (c) => c.branches.map((b, i) => ({ text: pathText(b, i), condition: b.condition })),
  validate: (c) => {
    const issues = duplicateKeyIssues(
      c.branches.map((b) => b.key),
      'branches',
      'Path',
      'path',
      [ELSE_BRANCH],
    );
    c.branches.forEach((b, i) => {
      issues.push(...conditionIssues(b.condition, `branches.${i}.condition`));
      if (b.condition.rules.length === 0 && i < c.branches.length - 1) {
        issues.push({
          severity: 'warning',
          code: 'shadowed-branch',
          message: `Path ${i + 1} has no rules, so everyone takes it and the paths below it are never used.`,
          params: { n: i + 1 },
          field: `branches.${i}.condition`,
        });
      }
    });
    return issues;
  },
});
