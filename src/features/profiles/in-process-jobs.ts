import type { ConditionGroup } from '../../domain/conditions/condition-schema.ts';
import type { ProfileRepo } from '../../storage/profile-repo.ts';
import { runGenerateJob } from '../../workers/profiles/generate-job.ts';
import { runImportJob } from '../../workers/profiles/import-job.ts';
import type { JobProgress } from '../../workers/profiles/profiles-protocol.ts';
import { countMatching } from '../../domain/profiles/count-matching.ts';
import type { JobHandle, ProfileJobs } from './profiles-services.tsx';

function inProcess<O>(run: (signal: AbortSignal) => Promise<O>): JobHandle<O> {
  const controller = new AbortController();
  return {
    result: run(controller.signal),
    cancel: () => controller.abort(new DOMException('Cancelled', 'AbortError')),
  };
}

/**
 * The same jobs run on the calling thread: for tests and for environments without Web Workers.
 */
export function inProcessJobs(repo: ProfileRepo): ProfileJobs {
  return {
    generate: (request, onProgress: (p: JobProgress) => void) =>
      inProcess((signal) => runGenerateJob(repo, request, onProgress, signal)),
    importFile: (request, onProgress: (p: JobProgress) => void) =>
      inProcess((signal) => runImportJob(repo, request, onProgress, signal)),
    async countSegment(setId: string, condition: ConditionGroup, now: number) {
      const profiles = await repo.readProfileSet(setId);
      return { matched: countMatching(profiles, condition, now), total: profiles.length };
    },
  };
}
