/** Bytes read per slice of a file. */
const SLICE = 1 << 20;

/**
 * Reads a file as UTF-8 text slice by slice, handing each piece to `onText` (multi-byte
 * characters split across slices are kept whole) and reporting the bytes read. Invalid UTF-8
 * throws a `TypeError` instead of turning into replacement characters.
 */
export async function readFileText(
  file: Blob,
  onText: (text: string) => void,
  onBytes?: (read: number, total: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let offset = 0; offset < file.size; offset += SLICE) {
    signal?.throwIfAborted();
    const bytes = await file.slice(offset, offset + SLICE).arrayBuffer();
    onText(decoder.decode(bytes, { stream: true }));
    onBytes?.(Math.min(file.size, offset + SLICE), file.size);
  }
  const rest = decoder.decode();
  if (rest !== '') onText(rest);
}
