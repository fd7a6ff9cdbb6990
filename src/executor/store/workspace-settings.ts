import type { Pool, PoolClient } from 'pg';
import {
  NO_WORKSPACE_FREQUENCY_CAP,
  workspaceFrequencyCapSchema,
  type WorkspaceFrequencyCap,
} from '../../domain/contract/executor-contract.ts';

/** The workspace frequency cap (spec §4); a batch reads it in its own transaction. */
export async function readWorkspaceCap(db: Pool | PoolClient): Promise<WorkspaceFrequencyCap> {
  const r = await db.query<{ frequency_cap: unknown }>(
    'select frequency_cap from workspace_settings where id = 1',
  );
  const stored = r.rows[0]?.frequency_cap;
  return stored === undefined
    ? NO_WORKSPACE_FREQUENCY_CAP
    : workspaceFrequencyCapSchema.parse(stored);
}

export async function saveWorkspaceCap(pool: Pool, cap: WorkspaceFrequencyCap): Promise<void> {
  await pool.query(
    `insert into workspace_settings (id, frequency_cap) values (1, $1)
     on conflict (id) do update set frequency_cap = excluded.frequency_cap`,
    [JSON.stringify(cap)],
  );
}
