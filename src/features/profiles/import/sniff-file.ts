import { detectCdnowFormat } from '../../../domain/profiles/import/cdnow.ts';
import { previewCsv } from '../../../domain/profiles/import/csv.ts';
import type { ColumnMapping } from '../../../domain/profiles/import/mapping.ts';
import { suggestMapping } from '../../../domain/profiles/import/suggest-mapping.ts';
import type { ProfileFileKind } from '../../../workers/profiles/profiles-protocol.ts';

/** What the first bytes of a picked file say about it. */
export type SniffedFile =
  | { kind: 'cdnow' | 'json'; name: string }
  | { kind: 'csv'; name: string; headers: string[]; rows: string[][]; mapping: ColumnMapping };

const HEAD_BYTES = 64 * 1024;

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
  const bytes = await file.slice(0, HEAD_BYTES).arrayBuffer();
  const head = completeLines(new TextDecoder().decode(bytes), whole);
  const name = file.name ?? 'profiles';
  const kind = sniffKind(head);
  if (kind !== 'csv') return { kind, name };
  const { headers, rows } = previewCsv(head, 50);
  return { kind, name, headers, rows, mapping: suggestMapping(headers, rows) };
}

/** A set name from a file name: `customers-2024.csv` → `customers-2024`. */
export function setNameFromFile(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || 'Imported profiles';
}
