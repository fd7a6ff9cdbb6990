import type { Pool } from 'pg';
import type { ProfileRuns } from '../../api/executor-contract.ts';
import { runsOutcome } from '../engine/run-outcome.ts';
import type { JourneyProfileState } from '../engine/state.ts';

/** A profile's runs in a journey, each with its path (the conformance kit's shape), newest last. */
export async function profileRuns(
  pool: Pool,
  journeyId: string,
  profileId: string,
): Promise<ProfileRuns> {
  const r = await pool.query<{ state: JourneyProfileState }>(
    'select state from journey_profiles where journey_id = $1 and profile_id = $2',
    [journeyId, profileId],
  );
  const state = r.rows[0]?.state;
  return {
    journeyId,
    profileId,
    control: state?.runs.some((run) => run.control) ?? false,
    runs:
      state === undefined
        ? []
        : runsOutcome(state).map((run, i) => ({
            ...run,
            version: state.runs[i]?.version ?? 0,
          })),
  };
}
