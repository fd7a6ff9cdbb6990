import {
  textDecoder,
  type TextDecoding,
  type TextEncoding,
} from '../../domain/profiles/import/text-encoding.ts';

/** Bytes read per slice of a file. */
const SLICE = 1 << 20;

export interface ReadTextOptions {
  /** The file's encoding; UTF-8 unless given. A byte-order mark is dropped, not passed on. */
  encoding?: TextEncoding;
  onBytes?: (read: number, total: number) => void;
  /** Each slice's bytes, as read and before they are decoded. */
  onSlice?: (bytes: Uint8Array) => void;
  signal?: AbortSignal;
  /** Bytes read at a time (tests read in small slices to cut characters across them). */
  sliceBytes?: number;
}

/** Bytes that are not UTF-8 or UTF-16 when read as such: the decoder's error, not the reader's. */
export class UndecodableBytes extends Error {
  constructor(options?: ErrorOptions) {
    super('The file is not text in its encoding.', options);
  }
}

/** Decodes as `decoder` does, its error (a `TypeError`) told apart from any other. */
function decodeOrThrow(decoder: TextDecoding, bytes?: ArrayBuffer, stream = false): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch (error) {
    throw new UndecodableBytes({ cause: error });
  }
}

/**
 * Reads a file as text slice by slice, handing each piece to `onText` (characters split across
 * slices are kept whole) and reporting the bytes read. Bytes that are not UTF-8 or UTF-16 when
 * read as such throw {@link UndecodableBytes} instead of turning into replacement characters.
 */
export async function readFileText(
  file: Blob,
  onText: (text: string) => void,
  { encoding = 'utf-8', onBytes, onSlice, signal, sliceBytes = SLICE }: ReadTextOptions = {},
): Promise<void> {
  const decoder = textDecoder(encoding);
  for (let offset = 0; offset < file.size; offset += sliceBytes) {
    signal?.throwIfAborted();
    const bytes = await file.slice(offset, offset + sliceBytes).arrayBuffer();
    onSlice?.(new Uint8Array(bytes));
    const text = decodeOrThrow(decoder, bytes, true);
    if (text !== '') onText(text);
    onBytes?.(Math.min(file.size, offset + sliceBytes), file.size);
  }
  const rest = decodeOrThrow(decoder);
  if (rest !== '') onText(rest);
}
