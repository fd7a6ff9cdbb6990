import type { ConditionGroup } from '../../domain/conditions/condition-schema.ts';
import type { ColumnMappingInput } from '../../domain/profiles/import/mapping.ts';
import type { ImportReport } from '../../domain/profiles/import/report.ts';

/** The file formats the importer recognises. */
export type ProfileFileKind = 'csv' | 'json' | 'cdnow';

/** Where imported profiles go: a new set, or an existing one (replaced or added to). */
export type ImportTarget =
  { kind: 'new'; name: string } | { kind: 'existing'; setId: string; mode: 'replace' | 'append' };

/** An import job: the file, its recognised kind, the column mapping (CSV only) and the target. */
export interface ImportRequest {
  file: Blob;
  kind: ProfileFileKind;
  mapping?: ColumnMappingInput;
  target: ImportTarget;
  /** IndexedDB database name; the app's default when absent. */
  dbName?: string;
}

/** What an import did: the set written (none when nothing could be imported) and the report. */
export interface ImportOutcome {
  setId?: string;
  report: ImportReport;
}

/** A generation job. */
export interface GenerateRequest {
  name: string;
  count: number;
  seed: number | string;
  /** Earliest signup and end of history, epoch milliseconds. */
  start: number;
  end: number;
  dbName?: string;
}

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

/** Messages from the main thread to a profiles job worker. */
export type JobCommand<R> = { type: 'start'; request: R } | { type: 'cancel' };

/** Messages from a profiles job worker. */
export type JobEvent<O> =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; outcome: O }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };

/** A segment count request for the segment worker. */
export interface SegmentCountRequest {
  id: number;
  setId: string;
  condition: ConditionGroup;
  /** Evaluation time, epoch milliseconds. */
  now: number;
  dbName?: string;
}

/** The answer to a {@link SegmentCountRequest}. */
export type SegmentCountResponse =
  | { id: number; ok: true; matched: number; total: number; ms: number }
  | { id: number; ok: false; message: string };
