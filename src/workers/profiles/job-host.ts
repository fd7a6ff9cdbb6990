import { openWayfinderDb } from '../../storage/db.ts';
import { createProfileRepo, type ProfileRepo } from '../../storage/profile-repo.ts';
import type { JobCommand, JobEvent, JobProgress } from './profiles-protocol.ts';

type Runner<R, O> = (
  repo: ProfileRepo,
  request: R,
  onProgress: (p: JobProgress) => void,
  signal: AbortSignal,
) => Promise<O>;

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
}

/** Progress messages at most this often, so a fast job does not flood the page. */
const PROGRESS_EVERY_MS = 50;

/**
 * Runs one job per worker: `start` runs it with a fresh repo on the requested database,
 * `cancel` aborts it; progress, the outcome, a cancel or an error are posted back.
 */
export function hostProfilesJob<R extends { dbName?: string }, O>(
  scope: WorkerScope,
  run: Runner<R, O>,
): void {
  const controller = new AbortController();
  const post = (event: JobEvent<O>) => scope.postMessage(event);
  let lastProgress = 0;
  scope.onmessage = (event: MessageEvent<JobCommand<R>>) => {
    const command = event.data;
    if (command.type === 'cancel') {
      controller.abort(new DOMException('Cancelled', 'AbortError'));
      return;
    }
    const repo = createProfileRepo(openWayfinderDb(command.request.dbName));
    const onProgress = (progress: JobProgress) => {
      const at = Date.now();
      if (progress.done < progress.total && at - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = at;
      post({ type: 'progress', progress });
    };
    run(repo, command.request, onProgress, controller.signal).then(
      (outcome) => post({ type: 'done', outcome }),
      (error: unknown) => {
        if (controller.signal.aborted) post({ type: 'cancelled' });
        else
          post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
  };
}
