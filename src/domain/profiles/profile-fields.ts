import { z } from 'zod';

/** A calendar date. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/**
 * The profile's single-value fields, defined once: the profile schema, the import mapping (one
 * column per field) and the forms and pages that list them all read this list, in this order.
 */
export const PROFILE_FIELDS = [
  { field: 'name', label: 'Name', schema: z.string() },
  { field: 'email', label: 'Email', schema: z.string() },
  { field: 'phone', label: 'Phone', schema: z.string() },
  { field: 'pushToken', label: 'Push token', schema: z.string() },
  /** IANA time zone, e.g. `Europe/Paris`. */
  { field: 'timeZone', label: 'Time zone', schema: z.string() },
  { field: 'locale', label: 'Locale', schema: z.string() },
  { field: 'country', label: 'Country', schema: z.string() },
  { field: 'birthday', label: 'Birthday', schema: isoDateSchema },
  { field: 'signupDate', label: 'Signup date', schema: isoDateSchema },
  { field: 'plan', label: 'Plan', schema: z.string() },
] as const;

export type ProfileField = (typeof PROFILE_FIELDS)[number]['field'];

type FieldSchemas = {
  [F in (typeof PROFILE_FIELDS)[number] as F['field']]: z.ZodOptional<F['schema']>;
};
type FieldColumns = { [F in ProfileField]: z.ZodOptional<z.ZodString> };

/** Each field's value schema, optional: the shape of a profile's fields. */
export const profileFieldsShape = Object.fromEntries(
  PROFILE_FIELDS.map(({ field, schema }) => [field, schema.optional()]),
) as FieldSchemas;

/** One optional column name per field: the shape of an import mapping's fields. */
export const profileFieldColumnsShape = Object.fromEntries(
  PROFILE_FIELDS.map(({ field }) => [field, z.string().optional()]),
) as FieldColumns;
