import { detectCdnowFormat } from '../../../domain/profiles/import/cdnow.ts';
import { emptyFile, previewCsv, repeatedHeaders } from '../../../domain/profiles/import/csv.ts';
import type { ColumnMapping } from '../../../domain/profiles/import/mapping.ts';
import type { LateEncodingChoice, Rejection } from '../../../domain/profiles/import/report.ts';
import { decodeFile } from '../../../domain/profiles/import/decode-file.ts';
import { startsLikeJson } from '../../../domain/profiles/import/starts-like-json.ts';
import { suggestMapping } from '../../../domain/profiles/import/suggest-mapping.ts';
import {
  textDecoder,
  type ChoosableEncoding,
  type TextEncoding,
} from '../../../domain/profiles/import/text-encoding.ts';
import type { ProfileFileKind } from '../../../workers/profiles/profiles-protocol.ts';

/** What the first bytes of a picked file say about it. */
export type SniffedFile =
  | { kind: 'refused'; name: string; refusal: Rejection }
  | { kind: 'cdnow' | 'json'; name: string }
  | {
      kind: 'csv';
      name: string;
      headers: string[];
      rows: string[][];
      mapping: ColumnMapping;
      /** The encoding the preview was decoded in, and the import will be. */
      encoding: TextEncoding;
      /** For a file that is not UTF-8: the encodings to choose from. */
      choice: EncodingChoice | null;
    };

/** The choice of encoding offered for a CSV file that is not UTF-8. */
export interface EncodingChoice {
  /** The one the preview is decoded in. */
  encoding: ChoosableEncoding;
  /** Those that read the file as text, likeliest first. */
  encodings: ChoosableEncoding[];
  /** The file's first lines with letters beyond ASCII, as `encoding` reads them. */
  accented: AccentedLine[];
  /** For a file that is UTF-8 at its head: the line, further on, that the import found is not. */
  late?: LateEncodingChoice;
}

/** A line of a file (1-based) holding letters beyond ASCII, as the chosen encoding reads it. */
export interface AccentedLine {
  line: number;
  text: string;
}

/** Bytes read to recognise a file and infer its column types (the import checks every row). */
const HEAD_BYTES = 1024 * 1024;
/** Rows shown in the mapping preview; all rows read are used to infer types. */
const PREVIEW_ROWS = 50;
/** Lines shown to check an encoding by: enough to see a few accented names. */
const ACCENTED_LINES = 5;

/** The first lines holding characters beyond ASCII: where encodings read differently. */
function accentedLines(text: string): AccentedLine[] {
  const found: AccentedLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length && found.length < ACCENTED_LINES; i++) {
    const line = lines[i] ?? '';
    if (/\P{ASCII}/u.test(line)) found.push({ line: i + 1, text: line });
  }
  return found;
}

/** The complete lines of the head of a file (the last one may be cut off unless it is the whole file). */
function completeLines(head: string, whole: boolean): string {
  if (whole) return head;
  const end = head.lastIndexOf('\n');
  return end < 0 ? head : head.slice(0, end + 1);
}

/** Recognises the kind of a head of text: JSON/NDJSON, CDNOW purchase data, or else CSV. */
export function sniffKind(head: string): ProfileFileKind {
  if (startsLikeJson(head)) return 'json';
  const body = head.trimStart();
  return detectCdnowFormat(body.slice(0, 4000)) === undefined ? 'csv' : 'cdnow';
}

/**
 * Reads the head of a file to recognise it and, for CSV, to suggest a column mapping. A CSV
 * file that is not UTF-8 is previewed in `chosen` when given (one of the encodings that read
 * it), else in the likeliest of them, and the choice is offered.
 */
export async function sniffFile(
  file: Blob & { name?: string },
  chosen?: ChoosableEncoding,
): Promise<SniffedFile> {
  const whole = file.size <= HEAD_BYTES;
  const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const name = file.name ?? 'profiles';
  // Read as the import and the CLI read it; a character cut at the end of the head waits for more.
  const asIs = decodeFile(bytes, undefined, whole);
  // Not UTF-8, yet text in single-byte encodings: previewed in the one chosen, else the likeliest.
  const encodings = asIs.ok ? null : asIs.encodings;
  const picked = encodings?.find((e) => e === chosen) ?? encodings?.[0];
  const decoded = picked === undefined ? asIs : decodeFile(bytes, picked, whole);
  if (!decoded.ok) return { kind: 'refused', name, refusal: decoded.rejection };
  const { encoding } = decoded;
  const head = completeLines(decoded.text, whole);
  const kind = sniffKind(head);
  // JSON is UTF-8 by its standard, and CDNOW data is ASCII: only CSV is read in a chosen encoding.
  if (kind !== 'csv' && !asIs.ok) return { kind: 'refused', name, refusal: asIs.rejection };
  if (kind !== 'csv') return { kind, name };
  const { headers, rows } = previewCsv(head, Number.POSITIVE_INFINITY);
  if (headers.every((h) => h === '')) return { kind: 'refused', name, refusal: emptyFile() };
  const [repeated] = repeatedHeaders(headers);
  if (repeated !== undefined) return { kind: 'refused', name, refusal: repeated };
  const mapping = suggestMapping(headers, rows);
  return {
    kind,
    name,
    headers,
    rows: rows.slice(0, PREVIEW_ROWS),
    mapping,
    encoding,
    choice:
      encodings === null || picked === undefined
        ? null
        : { encoding: picked, encodings, accented: accentedLines(head) },
  };
}

/**
 * A CSV file whose head was UTF-8, to be read in `encoding` instead: one of those that read the
 * line the import found is not UTF-8, which is shown as `encoding` reads it.
 */
export function withLateEncoding(
  sniffed: Extract<SniffedFile, { kind: 'csv' }>,
  late: LateEncodingChoice,
  encoding: ChoosableEncoding,
): Extract<SniffedFile, { kind: 'csv' }> {
  const text = textDecoder(encoding).decode(late.bytes);
  return {
    ...sniffed,
    encoding,
    choice: { encoding, encodings: late.encodings, accented: [{ line: late.line, text }], late },
  };
}

/** A set name from a file name: `customers-2024.csv` → `customers-2024`. */
export function setNameFromFile(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || 'Imported profiles';
}
