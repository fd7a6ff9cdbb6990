import type { ProfileState } from './profile-state.ts';

/** A trigger compiled to "when may this profile enter next, at or after `after`?". */
export interface TriggerPlan {
  stepId: string;
  /** The first entry time in `[after, end)`, or Infinity. */
  nextAt(state: ProfileState, after: number, start: number, end: number): number;
  /** Why the profile entered, for traces. */
  describe(): string;
}
