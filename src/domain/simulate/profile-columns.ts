import { reachMask } from '../conditions/reachability.ts';
import type { Profile, ProfileEvent } from '../profiles/profile.ts';
import { hashText } from './seeded.ts';

/**
 * Profiles as columns: every profile's event names and times in flat typed arrays, and the
 * whole profile only on request. The simulator finds who enters, and when, from the columns
 * alone, and asks for the profile objects of the entrants only: most profiles of a set never
 * enter a given journey, and building their objects (attributes, events, props) was most of
 * the cost of a run over a stored set.
 */
export interface ProfileColumns {
  readonly count: number;
  /** Profile `i`'s events are entries `eventStart[i]` to `eventStart[i + 1]` (exclusive). */
  readonly eventStart: Int32Array;
  /** Each event's name, as an index into {@link names}. */
  readonly eventName: Int32Array;
  /** Each event's time (epoch ms), in the profile's order. */
  readonly eventAt: Float64Array;
  /** The distinct event names. */
  readonly names: readonly string[];
  /**
   * Per profile, when worked out with the columns: the channels it is reachable on as given,
   * `reachMask(profile)` (bit `c` for `CHANNELS[c]`). The simulator then reads no contact
   * details or consent from an entrant's object; without it, it asks the object.
   */
  readonly reach?: Uint8Array;
  /**
   * Per profile, when worked out with the columns: the FNV-1a hash of its id (`hashText(id(i))`),
   * the key of every per-profile draw. The simulator then reads no entrant's id to hash it (a
   * cold read of the profile and of its id's text); without it, it hashes the id.
   */
  readonly idHash?: Uint32Array;
  /**
   * True when {@link profile} hands back objects already in memory: the engine then takes them
   * as they are. Otherwise (stored chunks) it builds an entrant's object only when a step reads
   * its attributes or an event's props (see `ColumnProfile`).
   */
  readonly objectsHeld?: boolean;
  /** Profile `i`'s id. */
  id(i: number): string;
  /** Profile `i` as an object (its events in the same order as the columns). */
  profile(i: number): Profile;
}

/** Grows a typed array's capacity by doubling. */
export function grown<T extends Int32Array | Float64Array | Uint8Array>(
  array: T,
  needed: number,
): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(
    Math.max(needed, array.length * 2, 16),
  );
  next.set(array);
  return next;
}

/** The columns of profiles already in memory: `profile(i)` hands back the object itself. */
export function profileColumns(profiles: readonly Profile[]): ProfileColumns {
  const eventStart = new Int32Array(profiles.length + 1);
  const idHash = new Uint32Array(profiles.length);
  let total = 0;
  for (let i = 0; i < profiles.length; i++) {
    const profile = profiles[i] as Profile;
    eventStart[i] = total;
    total += profile.events.length;
    idHash[i] = hashText(profile.id);
  }
  eventStart[profiles.length] = total;
  const eventName = new Int32Array(total);
  const eventAt = new Float64Array(total);
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  let e = 0;
  for (const profile of profiles) {
    for (const event of profile.events as readonly ProfileEvent[]) {
      let n = nameIndex.get(event.name);
      if (n === undefined) {
        n = names.length;
        names.push(event.name);
        nameIndex.set(event.name, n);
      }
      eventName[e] = n;
      eventAt[e] = event.at;
      e++;
    }
  }
  return {
    count: profiles.length,
    eventStart,
    eventName,
    eventAt,
    names,
    reach: reachColumn(profiles),
    idHash,
    objectsHeld: true,
    id: (i) => (profiles[i] as Profile).id,
    profile: (i) => profiles[i] as Profile,
  };
}

/** Each profile's {@link ProfileColumns.reach}: the one reachability rule, asked once per profile. */
export function reachColumn(profiles: readonly Profile[]): Uint8Array {
  const reach = new Uint8Array(profiles.length);
  for (let i = 0; i < profiles.length; i++) reach[i] = reachMask(profiles[i] as Profile);
  return reach;
}

/**
 * The same columns, each profile built once however often it is asked for: variants and
 * replications of a forecast then share the entrants' objects.
 */
export function memoColumns(columns: ProfileColumns): ProfileColumns {
  const built = new Map<number, Profile>();
  return {
    count: columns.count,
    eventStart: columns.eventStart,
    eventName: columns.eventName,
    eventAt: columns.eventAt,
    names: columns.names,
    ...(columns.reach === undefined ? {} : { reach: columns.reach }),
    ...(columns.idHash === undefined ? {} : { idHash: columns.idHash }),
    ...(columns.objectsHeld === true ? { objectsHeld: true } : {}),
    id: (i) => columns.id(i),
    profile(i) {
      let profile = built.get(i);
      if (profile === undefined) {
        profile = columns.profile(i);
        built.set(i, profile);
      }
      return profile;
    },
  };
}

/**
 * Several columns as one, in order: profile `i` of the result is profile `i - offset` of the
 * part that holds it. A forecast reads its share batch by batch, then runs every further
 * replication over the whole share at once (one run, one result, instead of one per batch).
 */
export function concatColumns(parts: readonly ProfileColumns[]): ProfileColumns {
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const offsets = new Int32Array(parts.length + 1);
  let count = 0;
  let events = 0;
  parts.forEach((part, p) => {
    offsets[p] = count;
    count += part.count;
    events += part.eventStart[part.count] as number;
  });
  offsets[parts.length] = count;
  const eventStart = new Int32Array(count + 1);
  const eventName = new Int32Array(events);
  const eventAt = new Float64Array(events);
  let e = 0;
  parts.forEach((part, p) => {
    const remap = part.names.map((name) => {
      let n = nameIndex.get(name);
      if (n === undefined) {
        n = names.length;
        names.push(name);
        nameIndex.set(name, n);
      }
      return n;
    });
    const from = offsets[p] as number;
    const first = part.eventStart[0] as number;
    for (let i = 0; i < part.count; i++)
      eventStart[from + i] = e + (part.eventStart[i] as number) - first;
    const last = part.eventStart[part.count] as number;
    for (let k = first; k < last; k++) {
      eventName[e] = remap[part.eventName[k] as number] as number;
      eventAt[e] = part.eventAt[k] as number;
      e++;
    }
  });
  eventStart[count] = e;
  let reach: Uint8Array | undefined;
  if (parts.every((part) => part.reach !== undefined)) {
    reach = new Uint8Array(count);
    parts.forEach((part, p) =>
      reach?.set((part.reach as Uint8Array).subarray(0, part.count), offsets[p]),
    );
  }
  let idHash: Uint32Array | undefined;
  if (parts.every((part) => part.idHash !== undefined)) {
    idHash = new Uint32Array(count);
    parts.forEach((part, p) =>
      idHash?.set((part.idHash as Uint32Array).subarray(0, part.count), offsets[p]),
    );
  }
  /** The part holding profile `i` (binary search over the offsets). */
  const partOf = (i: number): number => {
    if (!Number.isInteger(i) || i < 0 || i >= count)
      throw new RangeError(`There is no profile ${i}.`);
    let lo = 0;
    let hi = parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((offsets[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    count,
    eventStart,
    eventName,
    eventAt,
    names,
    ...(reach === undefined ? {} : { reach }),
    ...(idHash === undefined ? {} : { idHash }),
    ...(parts.every((part) => part.objectsHeld === true) ? { objectsHeld: true } : {}),
    id(i) {
      const p = partOf(i);
      return (parts[p] as ProfileColumns).id(i - (offsets[p] as number));
    },
    profile(i) {
      const p = partOf(i);
      return (parts[p] as ProfileColumns).profile(i - (offsets[p] as number));
    },
  };
}
