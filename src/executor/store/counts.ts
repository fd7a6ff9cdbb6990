import type { Pool } from 'pg';
import type { VersionCounts } from '../../api/executor-contract.ts';
import { buildCounts, sumDeltas } from '../engine/build-counts.ts';
import type { CountDeltas } from '../engine/tally.ts';
import type { Catalog } from '../worker/catalog.ts';

/** A version's counts: the batches' count changes added up. Null when there is no such version. */
export async function readCounts(
  pool: Pool,
  catalog: Catalog,
  journeyId: string,
  version: number,
  now: number,
): Promise<VersionCounts | null> {
  const vp = (await catalog.current()).get(journeyId)?.byVersion.get(version);
  if (vp === undefined) return null;
  // Summed in the database: one row per key rather than one per batch crosses the wire.
  const r = await pool.query<{ key: string; n: string }>(
    `select d.key, sum(d.value::bigint) as n
     from count_deltas c, jsonb_each_text(c.deltas) as d(key, value)
     where c.journey_id = $1 and c.version = $2 group by d.key`,
    [journeyId, version],
  );
  const sums: CountDeltas = {};
  for (const row of r.rows) sums[row.key] = Number(row.n);
  return {
    journeyId,
    version,
    asOf: new Date(now).toISOString(),
    ...buildCounts(vp, sumDeltas([sums])),
  };
}
