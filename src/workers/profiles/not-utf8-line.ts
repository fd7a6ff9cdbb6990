import { createUtf8Scan } from '../../domain/profiles/import/utf8-census.ts';

/** Bytes read per slice of a file. */
const SLICE = 1 << 20;
const LINE_FEED = 10;

/** A line of a file (1-based) that is not UTF-8, and its bytes without the line break. */
export interface NotUtf8Line {
  line: number;
  bytes: Uint8Array;
  /**
   * The first line, before or after it, holding characters beyond ASCII (as UTF-8), if one does:
   * then the file mixes encodings, and no one encoding reads both lines as they were written.
   */
  utf8Line?: number;
}

export interface NotUtf8LineOptions {
  /** Bytes read at a time (tests cut characters across slices). */
  sliceBytes?: number;
  signal?: AbortSignal;
  onBytes?: (read: number, total: number) => void;
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
 * a UTF-8 character, so whole lines are checked on their own), and the first line that is UTF-8
 * beyond ASCII; undefined when the file is UTF-8.
 */
export async function firstNotUtf8Line(
  file: Blob,
  { sliceBytes = SLICE, signal, onBytes }: NotUtf8LineOptions = {},
): Promise<NotUtf8Line | undefined> {
  const scan = createUtf8Scan();
  let found: NotUtf8Line | undefined;
  let rest: Uint8Array = new Uint8Array(0);
  let linesAt = 0;
  for (let offset = 0; offset < file.size; offset += sliceBytes) {
    signal?.throwIfAborted();
    const last = offset + sliceBytes >= file.size;
    const slice = await file.slice(offset, offset + sliceBytes).arrayBuffer();
    const bytes = concat(rest, new Uint8Array(slice));
    // Whole lines only, but for the last slice: a character may go on in the next one.
    const lines = bytes.subarray(0, last ? bytes.length : bytes.lastIndexOf(LINE_FEED) + 1);
    scan.push(lines);
    const { invalid, utf8Line } = scan.census(last);
    if (found === undefined && invalid !== undefined)
      found = { line: invalid.line, bytes: lineAround(lines, invalid.offset - linesAt).slice() };
    if (found !== undefined && utf8Line !== undefined) return { ...found, utf8Line };
    linesAt += lines.length;
    rest = bytes.slice(lines.length);
    onBytes?.(Math.min(file.size, offset + sliceBytes), file.size);
  }
  return found;
}
