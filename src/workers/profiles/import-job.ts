import {
  lineOfText,
  nulByte,
  refuseSignature,
  undecodable,
} from '../../domain/profiles/import/binary.ts';
import {
  bomEncoding,
  isChoosable,
  isUtf16,
  misreadAt,
  type TextEncoding,
} from '../../domain/profiles/import/text-encoding.ts';
import { decodeFile } from '../../domain/profiles/import/decode-file.ts';
import { judgeBytes, type ByteEncoding } from '../../domain/profiles/import/judge-bytes.ts';
import { createUtf16LineScan } from '../../domain/profiles/import/utf16-lines.ts';
import { createUtf8Scan, type Utf8Scan } from '../../domain/profiles/import/utf8-census.ts';
import { yieldToMessages } from '../../storage/yield-to-messages.ts';
import { importCdnow } from '../../domain/profiles/import/cdnow.ts';
import { createCsvImporter } from '../../domain/profiles/import/csv.ts';
import { importJson } from '../../domain/profiles/import/json.ts';
import {
  type ImportResult,
  type LateEncodingChoice,
  refusedResult,
  reject,
} from '../../domain/profiles/import/report.ts';
import { findProfileProblem } from '../../domain/profiles/import/validate-profile.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { whileImporting } from '../../storage/import-lock.ts';
import type { ProfileRepo } from '../../storage/profile-repo.ts';
import { readFileText, type ReadTextOptions, UndecodableBytes } from './file-text.ts';
import { lineBytesAt, scanRest, type ScanOptions } from './scan-file.ts';
import type { ImportOutcome, ImportRequest, JobProgress } from './profiles-protocol.ts';

const WRITE_BATCH = 5_000;
/** Bytes checked for binary signatures before anything is parsed. */
const HEAD_BYTES = 64 * 1024;

/** A character that says the text is binary or read in the wrong encoding, past the head. */
class MisreadText extends Error {
  constructor(
    readonly line: number,
    readonly nul: boolean,
  ) {
    super(`${nul ? 'NUL' : 'control character'} at line ${line}`);
  }
}

/**
 * Passes text on, refusing a NUL character (valid UTF-8, but never in CSV or JSON text) and, in
 * a chosen single-byte encoding, any other control character: the encoding was not the file's.
 */
function misreadGuard(
  encoding: TextEncoding,
  onText: (text: string) => void,
): (text: string) => void {
  let line = 1;
  return (text) => {
    const at = misreadAt(text, encoding);
    if (at >= 0) throw new MisreadText(line + lineOfText(text, at) - 1, text[at] === '\u0000');
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    onText(text);
  };
}

async function parseText(
  request: Pick<ImportRequest, 'file' | 'kind' | 'mapping'>,
  options: ReadTextOptions & { encoding: TextEncoding },
): Promise<ImportResult> {
  const { file, kind } = request;
  if (kind === 'csv') {
    if (!request.mapping) throw new Error('A CSV import needs a column mapping.');
    const importer = createCsvImporter(request.mapping);
    await readFileText(
      file,
      misreadGuard(options.encoding, (text) => importer.push(text)),
      options,
    );
    return importer.finish();
  }
  const parts: string[] = [];
  await readFileText(
    file,
    misreadGuard(options.encoding, (text) => parts.push(text)),
    options,
  );
  const text = parts.join('');
  return kind === 'cdnow' ? importCdnow(text) : importJson(text);
}

/**
 * The encoding a file is read in: the one its byte-order mark names (it outranks any choice, as
 * in browsers), else the one chosen for a CSV file, else UTF-8 (JSON is UTF-8 by its standard).
 */
function encodingOf(
  head: Uint8Array,
  request: Pick<ImportRequest, 'kind' | 'encoding'>,
): TextEncoding {
  return bomEncoding(head) ?? (request.kind === 'csv' ? request.encoding : undefined) ?? 'utf-8';
}

/**
 * The refusal of a file, by the one byte rule the preview and the CLI read by, once its census is
 * complete: `scan` holds its first `scanned` bytes, and the rest are read into it. For a CSV file
 * refused as not UTF-8, the encodings that read it are offered with the line that is not, as for
 * a file whose head is not UTF-8.
 */
async function judgeWholeFile(
  request: Pick<ImportRequest, 'file' | 'kind'>,
  head: Uint8Array,
  encoding: ByteEncoding,
  { scan, scanned }: { scan: Utf8Scan; scanned: number },
  options: ScanOptions,
): Promise<ImportResult | undefined> {
  const { file } = request;
  await scanRest(file, scan, scanned, options);
  const census = scan.census(true);
  const { rejection, encodings } = judgeBytes(head, census, encoding);
  if (rejection === undefined) return undefined;
  const result = refusedResult(rejection);
  const [first, ...others] = encodings;
  if (rejection.reason !== 'not_utf8' || census.invalid === undefined) return result;
  if (first === undefined || request.kind !== 'csv') return result;
  const encodingChoice: LateEncodingChoice = {
    encodings: [first, ...others],
    line: rejection.row,
    bytes: await lineBytesAt(file, census.invalid.offset, options),
  };
  return { ...result, report: { ...result.report, encodingChoice } };
}

/**
 * Parses a file of a recognised kind into profiles and a report, streaming CSV. A binary file,
 * or one that is not text in the encoding it is read in, is refused by the rule the preview and
 * the CLI read by ({@link judgeBytes}): at its signature before anything is parsed, else as soon
 * as a byte is not text, once the rest of the file has been looked at (a NUL byte further on
 * makes it binary, UTF-8 letters make it mixed). `sliceBytes` is how much is read at a time
 * (tests cut characters across slices).
 */
export async function parseProfileFile(
  request: Pick<ImportRequest, 'file' | 'kind' | 'mapping' | 'encoding'>,
  onProgress: (progress: JobProgress) => void,
  signal?: AbortSignal,
  sliceBytes?: number,
): Promise<ImportResult> {
  const { file } = request;
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const encoding = encodingOf(head, request);
  const signature = refuseSignature(head);
  if (signature) return refusedResult(signature);
  // UTF-16 is decoded, not judged by its bytes: its head is read as the preview and the CLI read it.
  const utf16Head = isUtf16(encoding) && decodeFile(head, encoding, file.size <= HEAD_BYTES);
  if (utf16Head && !utf16Head.ok) return refusedResult(utf16Head.rejection);
  const options: ScanOptions = {
    onBytes: (done, total) => onProgress({ phase: 'reading', done, total }),
    ...(signal ? { signal } : {}),
    ...(sliceBytes === undefined ? {} : { sliceBytes }),
  };
  // A single-byte encoding reads any byte, UTF-8's "é" as "Ã©": its census is taken as it is read.
  const census = { scan: createUtf8Scan(), scanned: 0 };
  const onSlice = (bytes: Uint8Array) => {
    census.scan.push(bytes);
    census.scanned += bytes.length;
  };
  try {
    const result = await parseText(request, {
      encoding,
      ...options,
      ...(isChoosable(encoding) ? { onSlice } : {}),
    });
    if (!isChoosable(encoding)) return result;
    return (await judgeWholeFile(request, head, encoding, census, options)) ?? result;
  } catch (error) {
    if (error instanceof MisreadText && error.nul) return refusedResult(nulByte(error.line));
    if (!(error instanceof MisreadText || error instanceof UndecodableBytes)) throw error;
    if (isUtf16(encoding)) {
      const lines = createUtf16LineScan(encoding);
      await scanRest(file, lines, 0, options);
      return refusedResult(undecodable(encoding, lines.end() ?? 1));
    }
    const judged = await judgeWholeFile(request, head, encoding, census, options);
    if (judged === undefined) throw error;
    return judged;
  }
}

/**
 * The last check before anything is stored: every profile passes the full validator. The
 * parsers already reject bad rows; a profile failing here means a parser let something
 * through, and the whole file is refused rather than stored half-checked.
 */
export function refuseUnstorable(result: ImportResult): ImportResult {
  for (const profile of result.profiles) {
    const problem = findProfileProblem(profile);
    if (problem) {
      return refusedResult(
        reject(1, problem.reason, `Profile ${profile.id}: ${problem.message}`, problem.field),
        result.report.rows,
        result.report.rejected,
      );
    }
  }
  return result;
}

async function* batches(profiles: readonly Profile[]) {
  for (let i = 0; i < profiles.length; i += WRITE_BATCH) {
    yield profiles.slice(i, i + WRITE_BATCH);
    await yieldToMessages();
  }
}

/**
 * Parses a file and stores its profiles. The storage swaps the new profiles in at the end, so a
 * failure leaves an existing set as it was; a new set is only created once there is something
 * to store, and removed again if writing fails.
 */
export async function runImportJob(
  repo: ProfileRepo,
  request: ImportRequest,
  onProgress: (progress: JobProgress) => void,
  signal?: AbortSignal,
): Promise<ImportOutcome> {
  const { profiles, report } = refuseUnstorable(
    await parseProfileFile(request, onProgress, signal),
  );
  if (profiles.length === 0) return { report };
  signal?.throwIfAborted();
  const { target } = request;
  const source = request.kind;
  const total = profiles.length;
  // A new set is written under an incomplete mark that the import's last write removes, so a
  // reload part way leaves a set that the next start-up deletes, never a half set in the list.
  return whileImporting(async () => {
    const setId =
      target.kind === 'new'
        ? (await repo.createProfileSet({ name: target.name, source, incomplete: true })).id
        : target.setId;
    try {
      await repo.importIntoSet(setId, batches(profiles), {
        mode: target.kind === 'new' ? 'replace' : target.mode,
        ...(signal ? { signal } : {}),
        onProgress: (done) => onProgress({ phase: 'writing', done, total }),
      });
    } catch (error) {
      if (target.kind === 'new') await repo.deleteSet(setId);
      throw error;
    }
    return { setId, report };
  });
}
