import { generateProfileBatches } from '../../domain/profiles/generate/generate-profiles.ts';
import type { Profile } from '../../domain/profiles/profile.ts';
import { whileImporting } from '../../storage/import-lock.ts';
import type { ProfileRepo } from '../../storage/profile-repo.ts';
import type { GenerateOutcome, GenerateRequest, JobProgress } from './profiles-protocol.ts';

/** Profiles per generated batch: progress is reported and cancel is honoured between batches. */
const GENERATE_BATCH = 2_000;

/**
 * Batches as an async iterable that makes the next batch while the previous one is being
 * committed: IndexedDB commits off this thread, so generating meanwhile overlaps the two.
 */
function prefetchingBatches(
  request: GenerateRequest,
  signal: AbortSignal | undefined,
): AsyncIterable<Profile[]> {
  const { count, seed, start, end } = request;
  const batches = generateProfileBatches(
    { count, seed, start, end, ...(signal ? { signal } : {}) },
    GENERATE_BATCH,
  );
  // A macrotask, so a cancel message and the previous write's completion get in between batches.
  const pull = () =>
    new Promise<IteratorResult<Profile[]>>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(batches.next());
        } catch (error) {
          reject(error);
        }
      }, 0),
    );
  return {
    [Symbol.asyncIterator]() {
      let ahead: Promise<IteratorResult<Profile[]>> | undefined;
      return {
        next() {
          const current = ahead ?? pull();
          ahead = current.then((r) => (r.done ? r : pull()));
          // The prefetch is awaited by the next call; a failure there is reported by that call.
          ahead.catch(() => undefined);
          return current;
        },
        async return() {
          batches.return(undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
}

/**
 * Generates seeded profiles into a new set, in batches. The set is created first and removed
 * again if the job fails or is cancelled, so nothing half-written stays behind.
 */
export async function runGenerateJob(
  repo: ProfileRepo,
  request: GenerateRequest,
  onProgress: (progress: JobProgress) => void,
  signal?: AbortSignal,
): Promise<GenerateOutcome> {
  return whileImporting(async () => {
    const set = await repo.createProfileSet({
      name: request.name,
      source: 'generated',
      incomplete: true,
    });
    try {
      const stored = await repo.importIntoSet(set.id, prefetchingBatches(request, signal), {
        mode: 'replace',
        ...(signal ? { signal } : {}),
        onProgress: (done) => onProgress({ phase: 'writing', done, total: request.count }),
      });
      return { setId: set.id, count: stored.count };
    } catch (error) {
      await repo.deleteSet(set.id);
      throw error;
    }
  });
}
