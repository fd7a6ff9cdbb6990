import { refuseBinary } from '../../domain/profiles/import/binary.ts';
import { yieldToMessages } from '../../storage/yield-to-messages.ts';
import { importCdnow } from '../../domain/profiles/import/cdnow.ts';
import { createCsvImporter } from '../../domain/profiles/import/csv.ts';
import { importJson } from '../../domain/profiles/import/json.ts';
import { type ImportResult, refusedResult, reject } from '../../domain/profiles/import/report.ts';
import { findProfileProblem } from '../../domain/profiles/import/validate-profile.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { whileImporting } from '../../storage/import-lock.ts';
import type { ProfileRepo } from '../../storage/profile-repo.ts';
import { readFileText } from './file-text.ts';
import type { ImportOutcome, ImportRequest, JobProgress } from './profiles-protocol.ts';

const WRITE_BATCH = 5_000;
/** Bytes checked for binary signatures before anything is parsed. */
const HEAD_BYTES = 64 * 1024;

/** A NUL character found past the head: the file is binary after all. */
class NulInText extends Error {
  constructor(readonly line: number) {
    super(`NUL at line ${line}`);
  }
}

/** Passes text on, refusing a NUL character (valid UTF-8, but never in CSV or JSON text). */
function nulGuard(onText: (text: string) => void): (text: string) => void {
  let line = 1;
  return (text) => {
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      for (let i = 0; i < nul; i++) if (text.charCodeAt(i) === 10) line++;
      throw new NulInText(line);
    }
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
    onText(text);
  };
}

async function parseText(
  request: Pick<ImportRequest, 'file' | 'kind' | 'mapping'>,
  onBytes: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const { file, kind } = request;
  if (kind === 'csv') {
    if (!request.mapping) throw new Error('A CSV import needs a column mapping.');
    const importer = createCsvImporter(request.mapping);
    await readFileText(
      file,
      nulGuard((text) => importer.push(text)),
      onBytes,
      signal,
    );
    return importer.finish();
  }
  const parts: string[] = [];
  await readFileText(
    file,
    nulGuard((text) => parts.push(text)),
    onBytes,
    signal,
  );
  const text = parts.join('');
  return kind === 'cdnow' ? importCdnow(text) : importJson(text);
}

/**
 * Parses a file of a recognised kind into profiles and a report, streaming CSV. A binary file
 * (known signature, NUL bytes, invalid UTF-8) is refused before or while it is read.
 */
export async function parseProfileFile(
  request: Pick<ImportRequest, 'file' | 'kind' | 'mapping'>,
  onProgress: (progress: JobProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const { file } = request;
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const binary = refuseBinary(head, file.size <= HEAD_BYTES);
  if (binary) return refusedResult(binary);
  const onBytes = (done: number, total: number) => onProgress({ phase: 'reading', done, total });
  try {
    return await parseText(request, onBytes, signal);
  } catch (error) {
    if (error instanceof NulInText) {
      return refusedResult(
        reject(
          error.line,
          'binary_file',
          `Line ${error.line} holds a NUL byte: this is a binary file.`,
        ),
      );
    }
    // TextDecoder's fatal mode throws a TypeError on bytes that are not UTF-8.
    if (error instanceof TypeError) {
      return refusedResult(
        reject(
          1,
          'not_utf8',
          'The file is not UTF-8 text (a Latin-1 or Windows export, perhaps). Save it as "CSV UTF-8" and import it again.',
        ),
      );
    }
    throw error;
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
