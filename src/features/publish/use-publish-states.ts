import { useLiveRead } from '../../storage/use-live-read.ts';
import { getAppDb } from '../../storage/app-storage.ts';
import { restore } from '../../domain/index.ts';
import { latestPublishedVersions } from './published-versions.ts';
import { hasUnpublishedChanges } from './unpublished-changes.ts';

/** Where a journey stands against the backend, as the journey list shows it. */
export interface PublishState {
  /** The newest published version (locally known). */
  version: number;
  publishedAt: string;
  /** The draft differs from that version. */
  unpublishedChanges: boolean;
}

async function readPublishStates(): Promise<Map<string, PublishState>> {
  const latest = await latestPublishedVersions();
  const out = new Map<string, PublishState>();
  for (const [journeyId, published] of latest) {
    const record = await getAppDb().journeys.get(journeyId);
    const restored = record === undefined ? undefined : restore(record.document);
    if (restored === undefined || !restored.ok) continue;
    out.set(journeyId, {
      version: published.version,
      publishedAt: published.publishedAt,
      unpublishedChanges: hasUnpublishedChanges(restored.document, published),
    });
  }
  return out;
}

/**
 * The publish state of every published journey, keyed by journey id (never-published journeys are
 * absent); `undefined` while loading. Live: updates when a journey or a version is saved.
 */
export function usePublishStates(): ReadonlyMap<string, PublishState> | undefined {
  return useLiveRead(readPublishStates, []);
}
