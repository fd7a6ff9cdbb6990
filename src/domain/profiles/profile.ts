import { z } from 'zod';
import { profileFieldsShape } from './profile-fields.ts';

/**
 * A customer profile as the simulator and the segment evaluator read it.
 *
 * Events live inside the profile, sorted by time: a simulation reads whole profiles, and
 * one record per profile is the fastest layout to write and to read back from IndexedDB.
 * Times are epoch milliseconds (UTC); calendar dates are `YYYY-MM-DD` strings.
 */
export const PROFILE_SCHEMA_VERSION = 1;

export const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof scalarSchema>;

export { isoDateSchema } from './profile-fields.ts';

export const consentSchema = z.object({
  email: z.boolean().optional(),
  sms: z.boolean().optional(),
  push: z.boolean().optional(),
  in_app: z.boolean().optional(),
});
export type Consent = z.infer<typeof consentSchema>;

export const profileAttributesSchema = z.object({
  ...profileFieldsShape,
  consent: consentSchema.default({}),
  tags: z.array(z.string()).default([]),
  /** Typed custom attributes: numbers, booleans, text, or dates as `YYYY-MM-DD` text. */
  custom: z.record(z.string(), scalarSchema).default({}),
});
export type ProfileAttributes = z.infer<typeof profileAttributesSchema>;

export const profileEventSchema = z.object({
  name: z.string().min(1),
  /** Epoch milliseconds, UTC. */
  at: z.number().int(),
  /** e.g. amount, quantity, orderId, onTime, complete, score. */
  props: z.record(z.string(), scalarSchema).optional(),
});
export type ProfileEvent = z.infer<typeof profileEventSchema>;

export const profileSchema = z.object({
  id: z.string().min(1),
  attributes: profileAttributesSchema,
  /** Sorted by `at`, oldest first. */
  events: z.array(profileEventSchema).default([]),
});
export type Profile = z.infer<typeof profileSchema>;
