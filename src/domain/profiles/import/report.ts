import type { MergeGroup } from '../dedupe';
import type { Profile } from '../profile';
import type { ChoosableEncoding } from './text-encoding';

/** Why a row or record of an import was rejected. Stable codes: the UI and tests key on them. */
export const REJECTION_CODES = [
  'empty_file',
  'duplicate_header',
  'unknown_column',
  'malformed_row',
  'missing_id',
  'invalid_email',
  'invalid_phone',
  'invalid_date',
  'invalid_timestamp',
  'invalid_number',
  'invalid_boolean',
  'invalid_time_zone',
  'missing_event_name',
  'bad_json',
  'invalid_profile',
  'unrecognised_format',
  'unbalanced_quote',
  'binary_file',
  'not_utf8',
  'undecodable_text',
  'mixed_encoding',
  'file_is_utf8',
  'invalid_value',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** One rejected row: its 1-based line in the file (the header is line 1) and why. */
export interface Rejection {
  row: number;
  reason: RejectionCode;
  /** A sentence for people, naming the column and value when there is one. */
  message: string;
  column?: string;
}

/** What an import did. */
export interface ImportReport {
  /** Profiles produced, after merging duplicates. */
  imported: number;
  /** Rows or records read (not counting a header). */
  rows: number;
  rejected: Rejection[];
  /** Customers found more than once and merged. */
  merged: MergeGroup[];
  /**
   * Set when the whole file was refused (binary, or a CSV quote that leaves the rest unreadable):
   * nothing is imported, and this says where and why.
   */
  refused?: Rejection;
  /**
   * For a CSV file refused as not UTF-8 past the part its preview read: the encodings that read
   * the refused line (likeliest first) and that line's bytes, so the user can choose one and
   * import again, as for a file whose first bytes are not UTF-8.
   */
  encodingChoice?: LateEncodingChoice;
}

/** The encodings offered for a line, far into a file, that is not UTF-8 (see {@link ImportReport}). */
export interface LateEncodingChoice {
  encodings: [ChoosableEncoding, ...ChoosableEncoding[]];
  line: number;
  /** The line's bytes, without its line break. */
  bytes: Uint8Array;
}

/** Profiles parsed from a file and the report to show. */
export interface ImportResult {
  profiles: Profile[];
  report: ImportReport;
}

/** The result of a file refused as a whole: no profiles, the reason first among the rejections. */
export function refusedResult(
  refusal: Rejection,
  rows = 0,
  earlier: readonly Rejection[] = [],
): ImportResult {
  return {
    profiles: [],
    report: { imported: 0, rows, rejected: [...earlier, refusal], merged: [], refused: refusal },
  };
}

/** Builds a rejection. */
export function reject(
  row: number,
  reason: RejectionCode,
  message: string,
  column?: string,
): Rejection {
  return column === undefined ? { row, reason, message } : { row, reason, message, column };
}
