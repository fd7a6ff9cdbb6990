import { z } from 'zod';
import type { Scalar } from '../profiles/profile.ts';

/** Operators a filter on an event property can use. */
export const PROPERTY_FILTER_OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_set',
  'is_not_set',
] as const;
export type PropertyFilterOperator = (typeof PROPERTY_FILTER_OPERATORS)[number];

/** A test on one property of an event, e.g. `amount gte 50` or `score gte 9`. */
export const propertyFilterSchema = z.object({
  property: z.string().min(1, 'choose a property'),
  operator: z.enum(PROPERTY_FILTER_OPERATORS),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});
export type PropertyFilter = z.infer<typeof propertyFilterSchema>;

export const propertyFiltersSchema = z.array(propertyFilterSchema).default([]);

type Props = Readonly<Record<string, Scalar>> | undefined;

const OPERATOR_WORDS: Record<PropertyFilterOperator, string> = {
  equals: '=',
  not_equals: '≠',
  contains: 'contains',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  is_set: 'is set',
  is_not_set: 'is not set',
};

function compileOne(filter: PropertyFilter): (props: Props) => boolean {
  const { property, value } = filter;
  const numeric = typeof value === 'number' ? value : Number(value);
  // Own properties only: a filter on "constructor" must not find Object's.
  const read = (p: Props): Scalar | undefined =>
    p !== undefined && Object.hasOwn(p, property) ? p[property] : undefined;
  switch (filter.operator) {
    case 'is_set':
      return (p) => {
        const got = read(p);
        return got !== undefined && got !== null;
      };
    case 'is_not_set':
      return (p) => {
        const got = read(p);
        return got === undefined || got === null;
      };
    case 'equals':
      return (p) => {
        const got = read(p);
        return got === value || String(got) === String(value);
      };
    case 'not_equals':
      return (p) => {
        const got = read(p);
        return got !== value && String(got) !== String(value);
      };
    case 'contains': {
      const needle = String(value ?? '').toLowerCase();
      return (p) => {
        const got = read(p);
        return typeof got === 'string' && got.toLowerCase().includes(needle);
      };
    }
    case 'gt':
      return (p) => {
        const got = read(p);
        return typeof got === 'number' && got > numeric;
      };
    case 'gte':
      return (p) => {
        const got = read(p);
        return typeof got === 'number' && got >= numeric;
      };
    case 'lt':
      return (p) => {
        const got = read(p);
        return typeof got === 'number' && got < numeric;
      };
    case 'lte':
      return (p) => {
        const got = read(p);
        return typeof got === 'number' && got <= numeric;
      };
  }
}

/**
 * Compiles property filters into one predicate over an event's props. All filters must hold;
 * an empty list matches every event. Numeric operators never match non-numeric values.
 */
export function compilePropertyFilters(
  filters: readonly PropertyFilter[],
): (props: Props) => boolean {
  if (filters.length === 0) return () => true;
  const tests = filters.map(compileOne);
  if (tests.length === 1) return tests[0] as (props: Props) => boolean;
  return (props) => {
    for (let i = 0; i < tests.length; i++)
      if (!(tests[i] as (p: Props) => boolean)(props)) return false;
    return true;
  };
}

/** Describes filters in words: `where amount ≥ 50 and coupon is set`; empty text for none. */
export function describePropertyFilters(filters: readonly PropertyFilter[]): string {
  if (filters.length === 0) return '';
  const parts = filters.map((f) =>
    f.operator === 'is_set' || f.operator === 'is_not_set'
      ? `${f.property} ${OPERATOR_WORDS[f.operator]}`
      : `${f.property} ${OPERATOR_WORDS[f.operator]} ${String(f.value ?? '')}`,
  );
  return `where ${parts.join(' and ')}`;
}
