import { importCdnow } from '../../domain/profiles/import/cdnow.ts';
import { createCsvImporter } from '../../domain/profiles/import/csv.ts';
import { importJson } from '../../domain/profiles/import/json.ts';
import type { ImportResult } from '../../domain/profiles/import/report.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import type { ProfileRepo } from '../../storage/profile-repo.ts';
import { readFileText, readWholeText } from './file-text.ts';
import type { ImportOutcome, ImportRequest, JobProgress } from './profiles-protocol.ts';

const WRITE_BATCH = 5_000;

/** Parses a file of a recognised kind into profiles and a report, streaming CSV. */
export async function parseProfileFile(
  request: Pick<ImportRequest, 'file' | 'kind' | 'mapping'>,
  onProgress: (progress: JobProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const { file, kind } = request;
  const onBytes = (done: number, total: number) => onProgress({ phase: 'reading', done, total });
  if (kind === 'csv') {
    if (!request.mapping) throw new Error('A CSV import needs a column mapping.');
    const importer = createCsvImporter(request.mapping);
    await readFileText(file, (text) => importer.push(text), onBytes, signal);
    return importer.finish();
  }
  const text = await readWholeText(file, onBytes, signal);
  return kind === 'cdnow' ? importCdnow(text) : importJson(text);
}

async function* batches(profiles: readonly Profile[]) {
  for (let i = 0; i < profiles.length; i += WRITE_BATCH) {
    yield profiles.slice(i, i + WRITE_BATCH);
    await new Promise((resolve) => setTimeout(resolve, 0));
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
  const { profiles, report } = await parseProfileFile(request, onProgress, signal);
  if (profiles.length === 0) return { report };
  signal?.throwIfAborted();
  const { target } = request;
  const source = request.kind;
  const setId =
    target.kind === 'new'
      ? (await repo.createProfileSet({ name: target.name, source })).id
      : target.setId;
  const total = profiles.length;
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
}
