/** Bytes read per slice of a file. */
const SLICE = 1 << 20;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

export interface ScanOptions {
  /** Bytes read at a time (tests cut characters and lines across slices). */
  sliceBytes?: number;
  signal?: AbortSignal;
  onBytes?: (read: number, total: number) => void;
}

async function bytesOf(file: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

/** Pushes a file's bytes from `from` to its end into `scan`, slice by slice. */
export async function scanRest(
  file: Blob,
  scan: { push(bytes: Uint8Array): void },
  from: number,
  { sliceBytes = SLICE, signal, onBytes }: ScanOptions = {},
): Promise<void> {
  for (let offset = from; offset < file.size; offset += sliceBytes) {
    signal?.throwIfAborted();
    scan.push(await bytesOf(file, offset, offset + sliceBytes));
    onBytes?.(Math.min(file.size, offset + sliceBytes), file.size);
  }
}

/**
 * The bytes of the line holding byte `offset`, without its line break. Each byte is read at most
 * twice, however long the line: once looking for its ends, slice by slice, and once to copy it.
 */
export async function lineBytesAt(
  file: Blob,
  offset: number,
  { sliceBytes = SLICE, signal }: ScanOptions = {},
): Promise<Uint8Array> {
  let start = 0;
  for (let end = offset; end > 0; end -= sliceBytes) {
    signal?.throwIfAborted();
    const from = Math.max(0, end - sliceBytes);
    const feed = (await bytesOf(file, from, end)).lastIndexOf(LINE_FEED);
    if (feed >= 0) {
      start = from + feed + 1;
      break;
    }
  }
  let end = file.size;
  for (let from = offset; from < file.size; from += sliceBytes) {
    signal?.throwIfAborted();
    const feed = (await bytesOf(file, from, from + sliceBytes)).indexOf(LINE_FEED);
    if (feed >= 0) {
      end = from + feed;
      break;
    }
  }
  const line = await bytesOf(file, start, end);
  return line[line.length - 1] === CARRIAGE_RETURN ? line.subarray(0, -1) : line;
}
