import { firstInvalidUtf8 } from '../../domain/profiles/import/text-encoding.ts';

/** Bytes read per slice of a file. */
const SLICE = 1 << 20;
const LINE_FEED = 10;

/** A line of a file (1-based) that is not UTF-8, and its bytes without the line break. */
export interface NotUtf8Line {
  line: number;
  bytes: Uint8Array;
  /**
   * The first line before it holding characters beyond ASCII (as UTF-8), if one does: then the
   * file mixes encodings, and no one encoding reads both lines as they were written.
   */
  utf8Line?: number;
}

export interface NotUtf8LineOptions {
  /** Bytes read at a time (tests cut characters across slices). */
  sliceBytes?: number;
  signal?: AbortSignal;
  onBytes?: (read: number, total: number) => void;
}

/** The index of the first byte in `bytes` before `end` that is not ASCII; -1 when none. */
function firstNonAscii(bytes: Uint8Array, end: number): number {
  for (let i = 0; i < end; i++) if ((bytes[i] as number) >= 0x80) return i;
  return -1;
}

function lineFeedsIn(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === LINE_FEED) count++;
  return count;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** The line of `lines` (whole lines) holding byte `at`, without its line break. */
function lineAround(lines: Uint8Array, at: number): Uint8Array {
  const start = lines.lastIndexOf(LINE_FEED, at) + 1;
  const feed = lines.indexOf(LINE_FEED, at);
  const end = feed < 0 ? lines.length : feed;
  return lines.subarray(start, lines[end - 1] === 13 ? end - 1 : end);
}

/**
 * The first line of a file that is not UTF-8, read slice by slice (a line feed never falls inside
 * a UTF-8 character, so whole lines are checked on their own); undefined when the file is UTF-8.
 */
export async function firstNotUtf8Line(
  file: Blob,
  { sliceBytes = SLICE, signal, onBytes }: NotUtf8LineOptions = {},
): Promise<NotUtf8Line | undefined> {
  let line = 1;
  let utf8Line: number | undefined;
  let rest: Uint8Array = new Uint8Array(0);
  for (let offset = 0; offset < file.size; offset += sliceBytes) {
    signal?.throwIfAborted();
    const last = offset + sliceBytes >= file.size;
    const slice = await file.slice(offset, offset + sliceBytes).arrayBuffer();
    const bytes = concat(rest, new Uint8Array(slice));
    // Whole lines only, but for the last slice: a character may go on in the next one.
    const lines = bytes.subarray(0, last ? bytes.length : bytes.lastIndexOf(LINE_FEED) + 1);
    const bad = firstInvalidUtf8(lines);
    const end = bad >= 0 ? bad : lines.length;
    const accented = utf8Line === undefined ? firstNonAscii(lines, end) : -1;
    if (accented >= 0) utf8Line = line + lineFeedsIn(lines, accented);
    if (bad >= 0) {
      const found = { line: line + lineFeedsIn(lines, bad), bytes: lineAround(lines, bad).slice() };
      return utf8Line === undefined ? found : { ...found, utf8Line };
    }
    line += lineFeedsIn(lines, lines.length);
    rest = bytes.slice(lines.length);
    onBytes?.(Math.min(file.size, offset + sliceBytes), file.size);
  }
  return undefined;
}
