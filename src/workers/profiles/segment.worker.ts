import { openWayfinderDb } from '../../storage/db.ts';
import { createProfileRepo, type ProfileRepo } from '../../storage/profile-repo.ts';
import type { SegmentCountRequest, SegmentCountResponse } from './profiles-protocol.ts';
import { countMatching } from '../../domain/profiles/count-matching.ts';

const repos = new Map<string, ProfileRepo>();

function repoFor(dbName: string | undefined): ProfileRepo {
  const key = dbName ?? '';
  let repo = repos.get(key);
  if (!repo) {
    repo = createProfileRepo(openWayfinderDb(dbName));
    repos.set(key, repo);
  }
  return repo;
}

self.onmessage = async (event: MessageEvent<SegmentCountRequest>) => {
  const { id, setId, condition, now, dbName } = event.data;
  let response: SegmentCountResponse;
  try {
    // The repo keeps the last set read in memory, keyed by its revision: editing a condition
    // re-counts without reading IndexedDB again.
    const profiles = await repoFor(dbName).readProfileSet(setId);
    const started = performance.now();
    const matched = countMatching(profiles, condition, now);
    response = { id, ok: true, matched, total: profiles.length, ms: performance.now() - started };
  } catch (error) {
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
