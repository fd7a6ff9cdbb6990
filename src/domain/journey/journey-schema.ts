import { z } from 'zod';
import { journeySettingsSchema } from './settings-schema.ts';

/** The current journey document schema version; `restore` migrates older ones up to it. */
export const JOURNEY_SCHEMA_VERSION = 1;

export const LIFECYCLE_STAGES = [
  'first_contact',
  'first_purchase',
  'delivery_follow_up',
  'after_sales_service',
  'renewal_cross_up_sell',
  'win_back',
  'none',
] as const;
export const lifecycleStageSchema = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof lifecycleStageSchema>;

export const LIFECYCLE_STAGE_LABELS: Record<LifecycleStage, string> = {
  first_contact: 'First contact',
  first_purchase: 'First purchase',
  delivery_follow_up: 'Delivery follow-up',
  after_sales_service: 'After-sales service',
  renewal_cross_up_sell: 'Renewal, cross- and up-sell',
  win_back: 'Win-back',
  none: 'None',
};

export const positionSchema = z.object({ x: z.number(), y: z.number() });

/**
 * Which way the journey is drawn and auto-laid out: left to right (the default, also for
 * documents saved before the field existed) or top to bottom. It travels with the journey.
 */
export const LAYOUT_DIRECTIONS = ['right', 'down'] as const;
export const layoutDirectionSchema = z.enum(LAYOUT_DIRECTIONS);
export type LayoutDirection = z.infer<typeof layoutDirectionSchema>;

/**
 * A step on the canvas. `config` is kept as loaded so a document with a broken step still
 * opens; the validator checks it against the kind's schema. An id that cannot be used (empty,
 * `__proto__`, control characters) is the validator's error too, not a reason to refuse the
 * document: the editor and the import give such steps new ids (safe-step-ids.ts).
 */
export const journeyStepSchema = z.object({
  id: z.string(),
  kind: z.string().min(1),
  label: z.string(),
  config: z.record(z.string(), z.unknown()),
  position: positionSchema,
});
export type JourneyStep = z.infer<typeof journeyStepSchema>;

/** An arrow from one branch of a step to another step. */
export const connectionSchema = z.object({
  id: z.string(),
  from: z.string(),
  /** The branch key of `from`, e.g. `next`, `yes`, `timed_out`. */
  fromBranch: z.string().min(1),
  to: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

/** The editable journey as saved in IndexedDB and in files. */
export const journeyDocumentSchema = z.object({
  schemaVersion: z.literal(JOURNEY_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string(),
  description: z.string().default(''),
  lifecycleStage: lifecycleStageSchema.default('none'),
  steps: z.array(journeyStepSchema),
  connections: z.array(connectionSchema),
  settings: journeySettingsSchema.default(() => journeySettingsSchema.parse({})),
  /** Absent means `right`: an optional field, so older documents need no migration. */
  layoutDirection: layoutDirectionSchema.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type JourneyDocument = z.infer<typeof journeyDocumentSchema>;
