import { z } from 'zod';
import { attributePathProblem, customNameProblem } from '../../conditions/attribute-paths.ts';
import { LIMITS } from '../../journey/limits.ts';
import { filled, required } from '../shared.ts';
import { defineStep, NEXT_BRANCH, type StepIssue } from '../step-definition.ts';
import { OP } from '../../simulate/plan-step.ts';

const operationSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('set_attribute'),
    /** A built-in path such as `plan`, or `custom.<name>`. */
    attribute: z.string(),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  }),
  z.object({ type: z.literal('add_tag'), tag: z.string() }),
  z.object({ type: z.literal('remove_tag'), tag: z.string() }),
]);

const configSchema = z.object({ operations: z.array(operationSchema) });
export type UpdateProfileConfig = z.infer<typeof configSchema>;
export type ProfileOperation = z.infer<typeof operationSchema>;

/** Changes attributes or tags on the profile, in listed order. */
export const updateProfileStep = defineStep(
  'update_profile',
  configSchema,
)({
  category: 'action',
  label: 'Update profile',
  icon: 'user-pen',
  defaultConfig: () => ({ operations: [] }),
  branches: () => [...NEXT_BRANCH],
  simulation: {
    op: OP.updateProfile,
    plan: (target, step) => {
      target.operations = step.operations;
    },
  },
  summary: (c) =>
    c.operations.length === 0
      ? { id: 'step.update_profile.summary.empty' }
      : { id: 'step.update_profile.summary', values: { changes: { operations: c.operations } } },
  validate: (c) => {
    const issues: StepIssue[] = [];
    if (c.operations.length === 0) {
      issues.push(
        required('operations', 'Add at least one change to make to the profile.', 'operations'),
      );
    }
    c.operations.forEach((op, i) => {
      if (op.type === 'set_attribute' && !filled(op.attribute)) {
        issues.push(
          required(
            `operations.${i}.attribute`,
            `Change ${i + 1} needs an attribute.`,
            'operation_attribute',
            i + 1,
          ),
        );
      }
      const reason = op.type === 'set_attribute' ? customNameProblem(op.attribute) : undefined;
      if (op.type === 'set_attribute' && reason !== undefined) {
        issues.push({
          severity: 'error',
          code: 'unsafe-name',
          message: attributePathProblem(op.attribute) ?? '',
          params: { reason, max: LIMITS.nameLength },
          field: `operations.${i}.attribute`,
        });
      }
      if (op.type !== 'set_attribute' && !filled(op.tag)) {
        issues.push(
          required(`operations.${i}.tag`, `Change ${i + 1} needs a tag.`, 'operation_tag', i + 1),
        );
      }
    });
    return issues;
  },
});
