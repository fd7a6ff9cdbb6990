import {
  lineOfText,
  mixedEncodings,
  refuseMixed,
  undecodable,
} from '../../domain/profiles/import/binary.ts';
import {
  bomEncoding,
  encodingsThatRead,
  isChoosable,
  misreadAt,
  type TextEncoding,
} from '../../domain/profiles/import/text-encoding.ts';
import { decodeFile } from '../../domain/profiles/import/decode-file.ts';
import { createUtf8Scan } from '../../domain/profiles/import/utf8-census.ts';
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
import { firstNotUtf8Line, type NotUtf8LineOptions } from './not-utf8-line.ts';
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
 * Parses a file of a recognised kind into profiles and a report, streaming CSV. A binary file
 * (known signature, NUL bytes, bytes its encoding cannot read) is refused before or while it is
 * read. `sliceBytes` is how much is read at a time (tests cut characters across slices).
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
  // The head is read by the rule the preview and the CLI read by; the rest as it streams.
  const headRead = decodeFile(head, encoding, file.size <= HEAD_BYTES);
  if (!headRead.ok) return refusedResult(headRead.rejection);
  const onBytes = (done: number, total: number) => onProgress({ phase: 'reading', done, total });
  // A single-byte encoding reads any byte, UTF-8's "é" as "Ã©": the bytes are checked for a mix.
  const scan = isChoosable(encoding) ? createUtf8Scan() : undefined;
  try {
    const result = await parseText(request, {
      encoding,
      onBytes,
      ...(scan ? { onSlice: (bytes: Uint8Array) => scan.push(bytes) } : {}),
      ...(signal ? { signal } : {}),
      ...(sliceBytes === undefined ? {} : { sliceBytes }),
    });
    const mixed = scan && refuseMixed(scan.census(true));
    return mixed ? refusedResult(mixed) : result;
  } catch (error) {
    if (error instanceof MisreadText) {
      return refusedResult(
        error.nul
          ? reject(
              error.line,
              'binary_file',
              `Line ${error.line} holds a NUL byte: this is a binary file.`,
            )
          : undecodable(encoding, error.line),
      );
    }
    if (error instanceof UndecodableBytes)
      return encoding === 'utf-8'
        ? notUtf8Further(request, {
            onBytes,
            ...(signal ? { signal } : {}),
            ...(sliceBytes === undefined ? {} : { sliceBytes }),
          })
        : refusedResult(undecodable(encoding));
    throw error;
  }
}

/**
 * The refusal of a file that is UTF-8 at its head but not further on: the line that is not, and
 * for CSV the encodings that read it, offered as for a head that is not UTF-8. Offered only when
 * the rest of the file is ASCII, which every one of them reads alike: a file with UTF-8 letters
 * before or after it mixes encodings, and whichever is chosen misreads one part or the other.
 */
async function notUtf8Further(
  request: Pick<ImportRequest, 'file' | 'kind'>,
  options: NotUtf8LineOptions,
): Promise<ImportResult> {
  const found = await firstNotUtf8Line(request.file, options);
  if (found?.utf8Line !== undefined)
    return refusedResult(mixedEncodings(found.utf8Line, found.line));
  const result = refusedResult(undecodable('utf-8', found?.line));
  const [first, ...others] = found === undefined ? [] : encodingsThatRead(found.bytes);
  if (found === undefined || first === undefined || request.kind !== 'csv') return result;
  const encodingChoice: LateEncodingChoice = {
    encodings: [first, ...others],
    line: found.line,
    bytes: found.bytes,
  };
  return { ...result, report: { ...result.report, encodingChoice } };
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
