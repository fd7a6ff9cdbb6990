import type { Pool, PoolClient } from 'pg';
import type { Spec } from '../../domain/index.ts';
import { versionPlan, type JourneyPlans, type VersionPlan } from '../engine/version-plan.ts';

/**
 * The published journeys, compiled once per process and reloaded when a publish bumps the
 * catalog revision (one single-row read per batch).
 */
export class Catalog {
  private revision = -1;
  private journeys = new Map<string, JourneyPlans>();

  constructor(private readonly pool: Pool) {}

  /**
   * The journeys as of now, stops included. A batch passes its transaction's client and asks after claiming its
   * profiles: a publish that made them due is then seen too (it commits both at once).
   */
  async current(client?: PoolClient): Promise<ReadonlyMap<string, JourneyPlans>> {
    const db = client ?? this.pool;
    const r = await db.query<{ revision: string }>('select revision from catalog where id = 1');
    const revision = Number(r.rows[0]?.revision ?? 0);
    if (revision !== this.revision) await this.reload(db, revision);
    return this.journeys;
  }

  private async reload(db: Pool | PoolClient, revision: number): Promise<void> {
    const rows = await db.query<{
      journey_id: string;
      version: number;
      spec: Spec;
      published_at: string;
    }>(
      'select journey_id, version, spec, published_at from journey_versions order by journey_id, version',
    );
    const journeys = new Map<string, JourneyPlans>();
    const versions = new Map<string, Map<number, VersionPlan>>();
    for (const row of rows.rows) {
      let byVersion = versions.get(row.journey_id);
      if (byVersion === undefined) {
        byVersion = new Map();
        versions.set(row.journey_id, byVersion);
      }
      const known = this.journeys.get(row.journey_id)?.byVersion.get(row.version);
      const vp = known ?? versionPlan(row.spec, row.version, Number(row.published_at));
      byVersion.set(row.version, vp);
      journeys.set(row.journey_id, {
        journeyId: row.journey_id,
        live: vp,
        byVersion,
        stops: [],
      });
    }
    // Stop rows stay after a publish: each still ends its runs (versions up to its
    // last_version); only new entries start again, on the newer version.
    const stops = await db.query<{ journey_id: string; stopped_at: string; last_version: number }>(
      'select journey_id, stopped_at, last_version from journey_stops order by journey_id, last_version',
    );
    for (const stop of stops.rows) {
      const plans = journeys.get(stop.journey_id);
      if (plans === undefined) continue;
      const stillStopped = plans.live !== null && plans.live.version <= stop.last_version;
      journeys.set(stop.journey_id, {
        ...plans,
        live: stillStopped ? null : plans.live,
        stops: [...plans.stops, { at: Number(stop.stopped_at), lastVersion: stop.last_version }],
      });
    }
    this.journeys = journeys;
    this.revision = revision;
  }
}
