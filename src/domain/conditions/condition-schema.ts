import { z } from 'zod';
import { channelSchema } from '../channels.ts';
import { propertyFiltersSchema } from './property-filter.ts';

/** Operators per attribute value type; the inspector offers only these for the chosen type. */
export const OPERATORS_BY_VALUE_TYPE = {
  text: [
    'equals',
    'not_equals',
    'contains',
    'not_contains',
    'starts_with',
    'ends_with',
    'is_set',
    'is_not_set',
  ],
  number: ['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte', 'between', 'is_set', 'is_not_set'],
  date: [
    'on',
    'before',
    'after',
    'between',
    'within_last_days',
    'more_than_days_ago',
    'within_next_days',
    'is_set',
    'is_not_set',
  ],
  boolean: ['is_true', 'is_false', 'is_set', 'is_not_set'],
  list: ['includes', 'not_includes', 'is_empty', 'is_not_empty'],
} as const;

export type AttributeValueType = keyof typeof OPERATORS_BY_VALUE_TYPE;

/** Operators that need no value. */
export const VALUELESS_OPERATORS: ReadonlySet<string> = new Set([
  'is_set',
  'is_not_set',
  'is_true',
  'is_false',
  'is_empty',
  'is_not_empty',
]);

const attributePath = z.string().min(1, 'choose an attribute');

/** Dates are `YYYY-MM-DD`; the `*_days` operators take a number of days in `value`. */
const base = { type: z.literal('attribute'), attribute: attributePath };

export const textRuleSchema = z.object({
  ...base,
  valueType: z.literal('text'),
  operator: z.enum(OPERATORS_BY_VALUE_TYPE.text),
  value: z.string().optional(),
  caseSensitive: z.boolean().optional(),
});
export const numberRuleSchema = z.object({
  ...base,
  valueType: z.literal('number'),
  operator: z.enum(OPERATORS_BY_VALUE_TYPE.number),
  value: z.number().optional(),
  /** Upper bound (inclusive) for `between`. */
  value2: z.number().optional(),
});
export const dateRuleSchema = z.object({
  ...base,
  valueType: z.literal('date'),
  operator: z.enum(OPERATORS_BY_VALUE_TYPE.date),
  value: z.union([z.string(), z.number()]).optional(),
  /** Upper bound (inclusive) for `between`, as `YYYY-MM-DD`. */
  value2: z.string().optional(),
});
export const booleanRuleSchema = z.object({
  ...base,
  valueType: z.literal('boolean'),
  operator: z.enum(OPERATORS_BY_VALUE_TYPE.boolean),
});
export const listRuleSchema = z.object({
  ...base,
  valueType: z.literal('list'),
  operator: z.enum(OPERATORS_BY_VALUE_TYPE.list),
  value: z.string().optional(),
});

/** A comparison on one profile attribute, typed by `valueType`. */
export const attributeRuleSchema = z.discriminatedUnion('valueType', [
  textRuleSchema,
  numberRuleSchema,
  dateRuleSchema,
  booleanRuleSchema,
  listRuleSchema,
]);
export type AttributeRule = z.infer<typeof attributeRuleSchema>;

export const EVENT_COUNT_COMPARISONS = ['at_least', 'at_most', 'exactly'] as const;

/** "performed `event` at least/at most/exactly `count` times within the last `withinDays` days". */
export const eventCountRuleSchema = z.object({
  type: z.literal('event_count'),
  event: z.string().min(1, 'choose an event'),
  comparison: z.enum(EVENT_COUNT_COMPARISONS),
  count: z.number().int().min(0),
  /** `null` counts every event ever recorded up to now. */
  withinDays: z.number().positive().nullable(),
  propertyFilters: propertyFiltersSchema,
});
export type EventCountRule = z.infer<typeof eventCountRuleSchema>;

/** True when the profile can be reached on `channel` (contact details and consent). */
export const reachableRuleSchema = z.object({
  type: z.literal('reachable'),
  channel: channelSchema,
});
export type ReachableRule = z.infer<typeof reachableRuleSchema>;

/** True when the profile's control-group membership equals `inGroup`. */
export const controlGroupRuleSchema = z.object({
  type: z.literal('control_group'),
  inGroup: z.boolean(),
});
export type ControlGroupRule = z.infer<typeof controlGroupRuleSchema>;

export type ConditionRule = AttributeRule | EventCountRule | ReachableRule | ControlGroupRule;

/** A group of rules joined by `and`/`or`; groups nest. An empty group matches everyone. */
export const conditionGroupSchema = z.object({
  type: z.literal('group'),
  op: z.enum(['and', 'or']),
  get rules(): z.ZodArray<
    z.ZodDiscriminatedUnion<
      [
        typeof attributeRuleSchema,
        typeof eventCountRuleSchema,
        typeof reachableRuleSchema,
        typeof controlGroupRuleSchema,
        typeof conditionGroupSchema,
      ]
    >
  > {
    return z.array(
      z.discriminatedUnion('type', [
        attributeRuleSchema,
        eventCountRuleSchema,
        reachableRuleSchema,
        controlGroupRuleSchema,
        conditionGroupSchema,
      ]),
    );
  },
});
export type ConditionGroup = z.infer<typeof conditionGroupSchema>;
export type ConditionNode = ConditionGroup['rules'][number];

/** The group that matches everyone. */
export function emptyConditionGroup(): ConditionGroup {
  return { type: 'group', op: 'and', rules: [] };
}

/** Builds an `and` group. */
export function allOf(...rules: ConditionNode[]): ConditionGroup {
  return { type: 'group', op: 'and', rules };
}

/** Builds an `or` group. */
export function anyOf(...rules: ConditionNode[]): ConditionGroup {
  return { type: 'group', op: 'or', rules };
}
