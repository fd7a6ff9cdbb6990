import { z } from 'zod';
import type { FailureReason } from '../../domain/failure/failure-reason.ts';
import { conditionGroupSchema } from '../../domain/conditions/condition-schema.ts';
import { columnMappingSchema } from '../../domain/profiles/import/mapping.ts';
import type { ImportReport } from '../../domain/profiles/import/report.ts';
import { textEncodingSchema } from '../../domain/profiles/import/text-encoding.ts';

/** The file formats the importer recognises. */
export const profileFileKindSchema = z.enum(['csv', 'json', 'cdnow']);
export type ProfileFileKind = z.infer<typeof profileFileKindSchema>;

/** Where imported profiles go: a new set, or an existing one (replaced or added to). */
export const importTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new'), name: z.string() }),
  z.object({
    kind: z.literal('existing'),
    setId: z.string(),
    mode: z.enum(['replace', 'append']),
  }),
]);
export type ImportTarget = z.infer<typeof importTargetSchema>;

/** An import job: the file, its recognised kind, the column mapping (CSV only) and the target. */
export const importRequestSchema = z.object({
  file: z.instanceof(Blob),
  kind: profileFileKindSchema,
  mapping: columnMappingSchema.optional(),
  /** The CSV file's encoding as the user chose or the preview found; UTF-8 when absent. */
  encoding: textEncodingSchema.optional(),
  target: importTargetSchema,
  /** IndexedDB database name; the app's default when absent. */
  dbName: z.string().optional(),
});
export type ImportRequest = z.input<typeof importRequestSchema>;

/** What an import did: the set written (none when nothing could be imported) and the report. */
export interface ImportOutcome {
  setId?: string;
  report: ImportReport;
}

/** A generation job. */
export const generateRequestSchema = z.object({
  name: z.string(),
  count: z.number().int().min(0),
  seed: z.union([z.number(), z.string()]),
  /** Earliest signup and end of history, epoch milliseconds. */
  start: z.number(),
  end: z.number(),
  dbName: z.string().optional(),
});
export type GenerateRequest = z.infer<typeof generateRequestSchema>;

/** What a generation job stored. */
export interface GenerateOutcome {
  setId: string;
  count: number;
}

/** Progress of a job: reading a file (bytes) or writing profiles. */
export interface JobProgress {
  phase: 'reading' | 'writing';
  done: number;
  total: number;
}

/** Messages from the main thread to a profiles job worker, for a job whose request has this schema. */
export function jobCommandSchema<R extends z.ZodType>(
  request: R,
): z.ZodType<JobCommand<z.output<R>>, unknown> {
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('start'), request }),
    z.object({ type: z.literal('cancel') }),
  ]) as z.ZodType<JobCommand<z.output<R>>, unknown>;
}
export type JobCommand<R> = { type: 'start'; request: R } | { type: 'cancel' };

/** Messages from a profiles job worker. */
export type JobEvent<O> =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; outcome: O }
  | { type: 'cancelled' }
  | { type: 'error'; message: string; reason?: FailureReason };

/** A segment count request for the segment worker. */
export const segmentCountRequestSchema = z.object({
  id: z.number().int(),
  setId: z.string(),
  condition: conditionGroupSchema,
  /** Evaluation time, epoch milliseconds. */
  now: z.number(),
  dbName: z.string().optional(),
});
export type SegmentCountRequest = z.input<typeof segmentCountRequestSchema>;

/** The answer to a {@link SegmentCountRequest}; `id` -1 answers a request that could not be read. */
export type SegmentCountResponse =
  | { id: number; ok: true; matched: number; total: number; ms: number }
  | { id: number; ok: false; message: string; reason?: FailureReason };
