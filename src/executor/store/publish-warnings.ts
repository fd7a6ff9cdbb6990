import type { PoolClient } from 'pg';
import type { Spec } from '../../domain/index.ts';
import type { ErrorDetail } from '../../domain/contract/backend-contract.ts';
import { eventDaysHeld, type StoredSpec } from '../../domain/look-back/event-look-back.ts';
import { lookBackWarnings } from '../../domain/look-back/look-back-warnings.ts';
import type { Catalog } from '../worker/catalog.ts';

/** Which version of a journey a publish made (or makes), and when. */
export interface PublishedAt {
  journeyId: string;
  version: number;
  at: number;
}

/**
 * What a publish's look-back warnings are worked out from: the published versions, as the
 * process's compiled catalog holds them, and the days of events the backend keeps
 * (EVENT_RETENTION_DAYS).
 */
export interface PublishLookBack {
  catalog: Pick<Catalog, 'current'>;
  retentionDays: number;
}

/**
 * The look-back warnings of `spec` published as `publish`: its counts compared with the days of
 * events the backend held then, from the versions stored before it. The catalog is read on
 * `client`: a publish reads it under the catalog lock, so the revision it reads is the last one
 * committed and no other publish commits meanwhile.
 */
export async function publishWarnings(
  client: PoolClient,
  { catalog, retentionDays }: PublishLookBack,
  spec: Spec,
  publish: PublishedAt,
): Promise<ErrorDetail[]> {
  const stored: StoredSpec[] = [];
  for (const plans of (await catalog.current(client)).values())
    for (const vp of plans.byVersion.values()) {
      // Its own journey's versions from its number on came after it; another journey's published
      // at the same instant are credited no stored day, so whether they count changes nothing.
      const later = vp.journeyId === publish.journeyId && vp.version >= publish.version;
      if (vp.publishedAt <= publish.at && !later)
        stored.push({ spec: vp.spec, publishedAt: vp.publishedAt });
    }
  return lookBackWarnings(spec, eventDaysHeld(retentionDays, stored, publish.at));
}
