import { z } from 'zod';
import { duplicateKeyIssues, filled } from '../shared.ts';
import { defineStep, type StepIssue } from '../step-definition.ts';
import { OP } from '../../simulate/plan-step.ts';

const variantSchema = z.object({
  key: z.string().min(1),
  label: z.string(),
  percent: z.number().min(0).max(100),
});

const configSchema = z.object({ variants: z.array(variantSchema).min(2).max(10) });
export type RandomSplitConfig = z.infer<typeof configSchema>;

type Variant = RandomSplitConfig['variants'][number];

/** The user's name for a variant, else its letter: A, B, C… */
const variantName = (v: Variant, i: number): string =>
  filled(v.label) ? v.label : String.fromCharCode(65 + i);

/** Splits profiles at random by percentage; each profile always gets the same variant here. */
export const randomSplitStep = defineStep(
  'random_split',
  configSchema,
)({
  category: 'condition',
  label: 'Random split',
  icon: 'shuffle',
  defaultConfig: () => ({
    variants: [
      { key: 'a', label: 'A', percent: 50 },
      { key: 'b', label: 'B', percent: 50 },
    ],
  }),
  branches: (c) =>
    c.variants.map((v, i) => ({
      key: v.key,
      label: `${variantName(v, i)} ${v.percent}%`,
      text: {
        id: 'step.random_split.branch',
        values: { name: variantName(v, i), share: v.percent / 100 },
      },
    })),
  simulation: {
    op: OP.randomSplit,
    plan: (target, step) => {
      let sum = 0;
      target.thresholds = Float64Array.from(step.variants, (v) => (sum += v.percent));
      // Rounding must never leave a bucket past the last variant.
      target.thresholds[target.thresholds.length - 1] = Number.POSITIVE_INFINITY;
      target.hashSuffix = `:${step.id}`;
    },
  },
  summary: (c) => ({
    id: 'step.random_split.summary',
    values: { shares: { percents: c.variants.map((v) => v.percent) } },
  }),
  validate: (c) => {
    const issues: StepIssue[] = [];
    const total = c.variants.reduce((sum, v) => sum + v.percent, 0);
    if (Math.abs(total - 100) > 1e-9) {
      issues.push({
        severity: 'error',
        code: 'split-percentages',
        message: `The percentages add up to ${Math.round(total * 100) / 100}%; they must add up to 100%.`,
        params: { total: Math.round(total * 100) / 100 },
        field: 'variants',
      });
    }
    issues.push(
      ...duplicateKeyIssues(
        c.variants.map((v) => v.key),
        'variants',
        'Variant',
        'variant',
      ),
    );
    return issues;
  },
});
