import type { z } from 'zod';
import { openWayfinderDb } from '../../storage/db.ts';
import { createProfileRepo, type ProfileRepo } from '../../storage/profile-repo.ts';
import { serve } from '../shared/serve.ts';
import { caughtError } from '../shared/worker-failure.ts';
import type { WorkerScope } from '../shared/worker-scope.ts';
import { jobCommandSchema, type JobEvent, type JobProgress } from './profiles-protocol.ts';

type Runner<R, O> = (
  repo: ProfileRepo,
  request: R,
  onProgress: (p: JobProgress) => void,
  signal: AbortSignal,
) => Promise<O>;

/** Progress messages at most this often, so a fast job does not flood the page. */
const PROGRESS_EVERY_MS = 50;

/**
 * Runs one job per worker: `start` runs it with a fresh repo on the requested database,
 * `cancel` aborts it; progress, the outcome, a cancel or an error are posted back.
 */
export function hostProfilesJob<S extends z.ZodType<{ dbName?: string | undefined }>, O>(
  scope: WorkerScope,
  requestSchema: S,
  run: Runner<z.output<S>, O>,
): void {
  const controller = new AbortController();
  const post = (event: JobEvent<O>) => scope.postMessage(event);
  let lastProgress = 0;
  serve(scope, {
    schema: jobCommandSchema(requestSchema),
    failure: (message) => ({ type: 'error', message }) satisfies JobEvent<O>,
    unreadable: 'The profiles worker could not read its request',
    handle(command) {
      if (command.type === 'cancel') {
        controller.abort(new DOMException('Cancelled', 'AbortError'));
        return;
      }
      const { request } = command;
      const repo = createProfileRepo(openWayfinderDb(request.dbName));
      const onProgress = (progress: JobProgress) => {
        const at = Date.now();
        if (progress.done < progress.total && at - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = at;
        post({ type: 'progress', progress });
      };
      run(repo, request, onProgress, controller.signal).then(
        (outcome) => post({ type: 'done', outcome }),
        (error: unknown) => {
          if (controller.signal.aborted) post({ type: 'cancelled' });
          else post({ type: 'error', ...caughtError(error) });
        },
      );
    },
  });
}
