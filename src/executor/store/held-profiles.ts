import type { Pool } from 'pg';

/** How many profiles are held, and the latest 20 with their reasons (GET /admin/stats). */
export async function heldProfiles(pool: Pool): Promise<{
  count: number;
  profiles: { profileId: string; reason: string; heldAt: string }[];
}> {
  const count = await pool.query<{ n: number }>(
    'select count(*)::int as n from profiles where held_reason is not null',
  );
  const latest = await pool.query<{ profile_id: string; held_reason: string; held_at: string }>(
    `select profile_id, held_reason, held_at from profiles where held_reason is not null
     order by held_at desc, profile_id limit 20`,
  );
  return {
    count: count.rows[0]?.n ?? 0,
    profiles: latest.rows.map((r) => ({
      profileId: r.profile_id,
      reason: r.held_reason,
      heldAt: new Date(Number(r.held_at)).toISOString(),
    })),
  };
}
