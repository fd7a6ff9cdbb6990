import { z } from 'zod';
import { profileFieldColumnsShape } from '../profile-fields.ts';
import { CONSENT_CHANNELS } from '../../channels';

/** How a text cell becomes a typed custom attribute or event property. */
export const valueTypeSchema = z.enum(['text', 'number', 'boolean', 'date']);
export type ValueType = z.infer<typeof valueTypeSchema>;

/** A column read into a typed field under `key`. */
export const typedColumnSchema = z.object({
  column: z.string().min(1),
  key: z.string().min(1),
  type: valueTypeSchema,
});
export type TypedColumn = z.infer<typeof typedColumnSchema>;

/** When rows are events: which columns make the event. */
export const eventRowsSchema = z.object({
  /** A column holding the event name, or one fixed name for every row. */
  name: z.union([z.object({ column: z.string().min(1) }), z.object({ fixed: z.string().min(1) })]),
  /** The column with the event time: a date, a date and time, or epoch seconds/milliseconds. */
  timestamp: z.string().min(1),
  props: z.array(typedColumnSchema).default([]),
});
export type EventRows = z.infer<typeof eventRowsSchema>;

/**
 * Which column of a file holds what. Column names are header names. Empty cells are absent
 * values, never errors (except the id).
 */
export const columnMappingSchema = z
  .object({
    id: z.string().min(1),
    ...profileFieldColumnsShape,
    /** Per consent channel, the column with the customer's yes or no. */
    consent: z.partialRecord(z.enum(CONSENT_CHANNELS), z.string()).default({}),
    /** Columns whose cells are tags, several separated by `,`, `;` or `|`. */
    tags: z.array(z.string()).default([]),
    custom: z.array(typedColumnSchema).default([]),
    /** How to read dates written with slashes, e.g. 03/04/2024. */
    dateOrder: z.enum(['mdy', 'dmy']).default('mdy'),
    /** Whether numbers are written with a decimal comma: `1,5` is one and a half. */
    decimalComma: z.boolean().default(false),
    /** When set, every row is one event of the profile in the id column. */
    events: eventRowsSchema.optional(),
  })
  .superRefine((mapping, ctx) => {
    const problem = findTypedKeyProblem(mapping);
    if (problem === undefined) return;
    ctx.addIssue({
      code: 'custom',
      path: [mapping.events ? 'events' : 'custom'],
      message:
        problem.code === 'unsafe_key'
          ? `Column "${problem.column}" cannot be imported as "${problem.key}".`
          : `Columns "${problem.columns[0]}" and "${problem.columns[1]}" are both imported as "${problem.key}".`,
    });
  });
export type ColumnMapping = z.infer<typeof columnMappingSchema>;
/** A mapping as written by hand: defaults may be left out. */
export type ColumnMappingInput = z.input<typeof columnMappingSchema>;

/** Every column a mapping reads, once. */
export function mappedColumns(mapping: ColumnMapping): string[] {
  const columns = new Set<string>([mapping.id]);
  const single = [
    mapping.name,
    mapping.email,
    mapping.phone,
    mapping.pushToken,
    mapping.timeZone,
    mapping.locale,
    mapping.country,
    mapping.birthday,
    mapping.signupDate,
    mapping.plan,
    ...Object.values(mapping.consent),
    ...mapping.tags,
    ...mapping.custom.map((c) => c.column),
  ];
  for (const column of single) if (column !== undefined) columns.add(column);
  if (mapping.events) {
    if ('column' in mapping.events.name) columns.add(mapping.events.name.column);
    columns.add(mapping.events.timestamp);
    for (const prop of mapping.events.props) columns.add(prop.column);
  }
  return [...columns];
}

/** Keys that would reach an object's prototype: a value put under one is lost, not kept. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Why the typed columns' keys would lose values: one key taken twice, or an unsafe one. */
export type TypedKeyProblem =
  | { code: 'unsafe_key'; key: string; column: string }
  | { code: 'duplicate_key'; key: string; columns: [string, string] };

/** The first key of the typed columns (attributes or event properties) that would lose values. */
export function findTypedKeyProblem(
  mapping: Pick<ColumnMapping, 'custom' | 'events'>,
): TypedKeyProblem | undefined {
  const columnOf = new Map<string, string>();
  for (const { column, key } of mapping.events ? mapping.events.props : mapping.custom) {
    if (UNSAFE_KEYS.has(key)) return { code: 'unsafe_key', key, column };
    const first = columnOf.get(key);
    if (first !== undefined) return { code: 'duplicate_key', key, columns: [first, column] };
    columnOf.set(key, column);
  }
  return undefined;
}

/** `key`, or `key2`, `key3`… : the first that is safe and not in `taken`. */
export function distinctKey(key: string, taken: ReadonlySet<string>): string {
  if (!UNSAFE_KEYS.has(key) && !taken.has(key)) return key;
  for (let n = 2; ; n++) if (!taken.has(`${key}${n}`)) return `${key}${n}`;
}
