import type { ProfileColumns } from './profile-columns.ts';

/**
 * The columns' index of the first of profile `profile`'s own events named `names[id]` in
 * `(entryAt, to]`, or -1: what `EventTimeline.findNamed` finds among the real events, searched
 * from the event that made the entry (the profile's event `seq`, -1 or any other when unknown)
 * instead of from the profile's first event. Events are sorted by time, so every event up to the
 * one that made the entry is at or before `entryAt` and cannot be the goal.
 */
export function ownGoalAfterEntry(
  columns: ProfileColumns,
  profile: number,
  seq: number,
  id: number,
  entryAt: number,
  to: number,
): number {
  if (id < 0) return -1;
  const { eventAt, eventName, eventStart } = columns;
  const first = eventStart[profile] as number;
  const last = eventStart[profile + 1] as number;
  let k = first;
  if (seq >= 0 && seq < last - first && (eventAt[first + seq] as number) <= entryAt)
    k = first + seq + 1;
  for (; k < last; k++) {
    const at = eventAt[k] as number;
    if (at > to) return -1;
    if (at > entryAt && eventName[k] === id) return k;
  }
  return -1;
}
