import type { PublishedVersion } from '../../api/contract.ts';
import type { Spec } from '../../domain/index.ts';
import { getAppDb } from '../../storage/app-storage.ts';
import type { PublishedVersionRecord } from '../../storage/db.ts';

/** Keeps a local copy of a version the backend published (what, when, its hash; no token). */
export async function rememberPublishedVersion(published: PublishedVersion, spec: Spec) {
  const record: PublishedVersionRecord = {
    journeyId: published.journeyId,
    version: published.version,
    specHash: published.specHash,
    publishedAt: published.publishedAt,
    spec,
  };
  await getAppDb().publishedVersions.put(record);
}

/** A journey's locally known published versions, oldest first. */
export async function localPublishedVersions(journeyId: string): Promise<PublishedVersionRecord[]> {
  const records = await getAppDb().publishedVersions.where('journeyId').equals(journeyId).toArray();
  return records.sort((a, b) => a.version - b.version);
}

/** The newest locally known published version of every journey. */
export async function latestPublishedVersions(): Promise<Map<string, PublishedVersionRecord>> {
  const latest = new Map<string, PublishedVersionRecord>();
  await getAppDb().publishedVersions.each((record) => {
    const seen = latest.get(record.journeyId);
    if (seen === undefined || seen.version < record.version) latest.set(record.journeyId, record);
  });
  return latest;
}
