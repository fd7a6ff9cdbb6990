import { countMatching } from '../../domain/profiles/count-matching.ts';
import { openWayfinderDb } from '../../storage/db.ts';
import { createProfileRepo, type ProfileRepo } from '../../storage/profile-repo.ts';
import { serve } from '../shared/serve.ts';
import { caughtError } from '../shared/worker-failure.ts';
import type { WorkerScope } from '../shared/worker-scope.ts';
import { segmentCountRequestSchema, type SegmentCountResponse } from './profiles-protocol.ts';

/**
 * Counts the profiles of a stored set a condition matches, one request per message. The repo
 * keeps the last set read in memory, keyed by its revision: editing a condition re-counts
 * without reading IndexedDB again.
 */
export function hostSegmentCount(scope: WorkerScope): void {
  const repos = new Map<string, ProfileRepo>();
  const repoFor = (dbName: string | undefined): ProfileRepo => {
    const key = dbName ?? '';
    let repo = repos.get(key);
    if (!repo) {
      repo = createProfileRepo(openWayfinderDb(dbName));
      repos.set(key, repo);
    }
    return repo;
  };
  const post = (response: SegmentCountResponse) => scope.postMessage(response);
  serve(scope, {
    schema: segmentCountRequestSchema,
    failure: (message) => ({ id: -1, ok: false, message }) satisfies SegmentCountResponse,
    unreadable: 'The segment worker could not read its request',
    handle({ id, setId, condition, now, dbName }) {
      repoFor(dbName)
        .readProfileSet(setId)
        .then((profiles) => {
          const started = performance.now();
          const matched = countMatching(profiles, condition, now);
          post({ id, ok: true, matched, total: profiles.length, ms: performance.now() - started });
        })
        .catch((error: unknown) => post({ id, ok: false, ...caughtError(error) }));
    },
  });
}
