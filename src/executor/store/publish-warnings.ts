import type { PoolClient } from 'pg';
import type { Spec } from '../../domain/index.ts';
import type { ErrorDetail } from '../../domain/contract/backend-contract.ts';
import { eventDaysHeld } from '../../domain/look-back/event-look-back.ts';
import { lookBackWarnings } from '../../domain/look-back/look-back-warnings.ts';

/** Which version of a journey a publish made (or makes), and when. */
export interface PublishedAt {
  journeyId: string;
  version: number;
  at: number;
}

/**
 * The look-back warnings of `spec` published as `publish`: its counts compared with the days of
 * events the backend held then, from the versions stored before it (read on `client`: a publish
 * reads them under the catalog lock, so no other publish commits meanwhile).
 */
export async function publishWarnings(
  client: PoolClient,
  spec: Spec,
  publish: PublishedAt,
  retentionDays: number,
): Promise<ErrorDetail[]> {
  // Its own journey's versions from its number on came after it; another journey's published
  // at the same instant are credited no stored day, so whether they count changes nothing.
  const stored = await client.query<{ spec: Spec; published_at: string }>(
    `select spec, published_at from journey_versions
     where published_at <= $1 and not (journey_id = $2 and version >= $3)`,
    [publish.at, publish.journeyId, publish.version],
  );
  const specs = stored.rows.map((row) => ({
    spec: row.spec,
    publishedAt: Number(row.published_at),
  }));
  return lookBackWarnings(spec, eventDaysHeld(retentionDays, specs, publish.at));
}
