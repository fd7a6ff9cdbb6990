import { dedupeProfiles } from '../dedupe';
import { assignAttributes } from '../merge-profiles';
import type { Profile } from '../profile';
import type { ImportResult, Rejection } from './report';
import type { RowOutcome } from './row-mapper';

/** Gathers mapped rows into profiles and a report. */
export interface ProfileCollector {
  add(outcome: RowOutcome): void;
  reject(rejection: Rejection): void;
  finish(): ImportResult;
}

/**
 * In profile mode every row is a profile and repeats are merged (and reported) at the end; in
 * events mode rows with one id are one customer's history, so grouping them is not a merge.
 */
export function createProfileCollector(eventsMode: boolean): ProfileCollector {
  const rejected: Rejection[] = [];
  const profiles: Profile[] = [];
  const byId = new Map<string, Profile>();
  let rows = 0;
  return {
    add(outcome) {
      rows++;
      if (!outcome.ok) {
        rejected.push(outcome.rejection);
        return;
      }
      if (!eventsMode) {
        profiles.push(outcome.profile);
        return;
      }
      let profile = byId.get(outcome.profile.id);
      if (profile) assignAttributes(profile.attributes, outcome.profile.attributes);
      else {
        profile = outcome.profile;
        byId.set(profile.id, profile);
        profiles.push(profile);
      }
      if (outcome.event) profile.events.push(outcome.event);
    },
    reject(rejection) {
      rows++;
      rejected.push(rejection);
    },
    finish() {
      if (eventsMode) for (const profile of profiles) profile.events.sort((a, b) => a.at - b.at);
      const deduped = dedupeProfiles(profiles);
      rejected.sort((a, b) => a.row - b.row);
      return {
        profiles: deduped.profiles,
        report: { imported: deduped.profiles.length, rows, rejected, merged: deduped.merged },
      };
    },
  };
}
