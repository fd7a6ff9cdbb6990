import { textDecoder, type Utf16Encoding } from './text-encoding';

/** The line of the first bytes UTF-16 cannot decode, found in bytes pushed slice by slice. */
export interface Utf16LineScan {
  push(bytes: Uint8Array): void;
  /** The 1-based line the bytes stop being UTF-16 on (a character cut at the end included). */
  end(): number | undefined;
}

/**
 * Decodes line by line, each line with its line feed so a character cut by the end of a line
 * fails on that line; a code unit cut across slices waits for the next.
 */
export function createUtf16LineScan(encoding: Utf16Encoding): Utf16LineScan {
  const decoder = textDecoder(encoding);
  const lineFeedAt = (bytes: Uint8Array, i: number) =>
    encoding === 'utf-16le'
      ? bytes[i] === 10 && bytes[i + 1] === 0
      : bytes[i] === 0 && bytes[i + 1] === 10;
  let line = 1;
  let failed: number | undefined;
  let carry = new Uint8Array(0);
  const decodes = (bytes: Uint8Array, stream: boolean): boolean => {
    try {
      decoder.decode(bytes, { stream });
      return true;
    } catch {
      failed = line;
      return false;
    }
  };
  return {
    push(slice) {
      if (failed !== undefined) return;
      const bytes = carry.length === 0 ? slice : new Uint8Array([...carry, ...slice]);
      const whole = bytes.length - (bytes.length % 2);
      let start = 0;
      for (let i = 0; i < whole; i += 2) {
        if (!lineFeedAt(bytes, i)) continue;
        if (!decodes(bytes.subarray(start, i + 2), true)) return;
        start = i + 2;
        line++;
      }
      if (decodes(bytes.subarray(start, whole), true)) carry = bytes.slice(whole);
    },
    end() {
      if (failed === undefined) decodes(carry, false);
      return failed;
    },
  };
}
