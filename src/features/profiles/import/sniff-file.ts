import { refuseBinary } from '../../../domain/profiles/import/binary.ts';
import { detectCdnowFormat } from '../../../domain/profiles/import/cdnow.ts';
import { previewCsv } from '../../../domain/profiles/import/csv.ts';
import type { ColumnMapping } from '../../../domain/profiles/import/mapping.ts';
import type { Rejection } from '../../../domain/profiles/import/report.ts';
import { suggestMapping } from '../../../domain/profiles/import/suggest-mapping.ts';
import type { ProfileFileKind } from '../../../workers/profiles/profiles-protocol.ts';

/** What the first bytes of a picked file say about it. */
export type SniffedFile =
  | { kind: 'refused'; name: string; refusal: Rejection }
  | { kind: 'cdnow' | 'json'; name: string }
  | { kind: 'csv'; name: string; headers: string[]; rows: string[][]; mapping: ColumnMapping };

/** Bytes read to recognise a file and infer its column types (the import checks every row). */
const HEAD_BYTES = 1024 * 1024;
/** Rows shown in the mapping preview; all rows read are used to infer types. */
const PREVIEW_ROWS = 50;

/** The complete lines of the head of a file (the last one may be cut off unless it is the whole file). */
function completeLines(head: string, whole: boolean): string {
  if (whole) return head;
  const end = head.lastIndexOf('\n');
  return end < 0 ? head : head.slice(0, end + 1);
}

/** Recognises the kind of a head of text: JSON/NDJSON, CDNOW purchase data, or else CSV. */
export function sniffKind(head: string): ProfileFileKind {
  const body = head.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('[') || body.startsWith('{')) return 'json';
  return detectCdnowFormat(body.slice(0, 4000)) === undefined ? 'csv' : 'cdnow';
}

/** Reads the head of a file to recognise it and, for CSV, to suggest a column mapping. */
export async function sniffFile(file: Blob & { name?: string }): Promise<SniffedFile> {
  const whole = file.size <= HEAD_BYTES;
  const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const name = file.name ?? 'profiles';
  const refusal = refuseBinary(bytes, whole);
  if (refusal) return { kind: 'refused', name, refusal };
  const head = completeLines(new TextDecoder().decode(bytes), whole);
  const kind = sniffKind(head);
  if (kind !== 'csv') return { kind, name };
  const { headers, rows } = previewCsv(head, Number.POSITIVE_INFINITY);
  const mapping = suggestMapping(headers, rows);
  return { kind, name, headers, rows: rows.slice(0, PREVIEW_ROWS), mapping };
}

/** A set name from a file name: `customers-2024.csv` → `customers-2024`. */
export function setNameFromFile(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || 'Imported profiles';
}
