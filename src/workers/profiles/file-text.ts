import { textDecoder, type TextEncoding } from '../../domain/profiles/import/text-encoding.ts';

/** Bytes read per slice of a file. */
const SLICE = 1 << 20;

export interface ReadTextOptions {
  /** The file's encoding; UTF-8 unless given. A byte-order mark is dropped, not passed on. */
  encoding?: TextEncoding;
  onBytes?: (read: number, total: number) => void;
  signal?: AbortSignal;
  /** Bytes read at a time (tests read in small slices to cut characters across them). */
  sliceBytes?: number;
}

/**
 * Reads a file as text slice by slice, handing each piece to `onText` (characters split across
 * slices are kept whole) and reporting the bytes read. Bytes that are not UTF-8 or UTF-16 when
 * read as such throw a `TypeError` instead of turning into replacement characters.
 */
export async function readFileText(
  file: Blob,
  onText: (text: string) => void,
  { encoding = 'utf-8', onBytes, signal, sliceBytes = SLICE }: ReadTextOptions = {},
): Promise<void> {
  const decoder = textDecoder(encoding);
  for (let offset = 0; offset < file.size; offset += sliceBytes) {
    signal?.throwIfAborted();
    const bytes = await file.slice(offset, offset + sliceBytes).arrayBuffer();
    const text = decoder.decode(bytes, { stream: true });
    if (text !== '') onText(text);
    onBytes?.(Math.min(file.size, offset + sliceBytes), file.size);
  }
  const rest = decoder.decode();
  if (rest !== '') onText(rest);
}
