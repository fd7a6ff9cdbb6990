import type { Profile } from '../profiles/profile.ts';
import { reachMask, type ColumnEntries, type EntrantStart } from './column-entries.ts';
import type { ProfileColumns } from './profile-columns.ts';
import { hashText } from './seeded.ts';

/** Profiles scanned per batch: enough entrants to overlap their reads, few enough to stay cached. */
export const BATCH_PROFILES = 64;

/**
 * The entrants of a block of profiles, set up a pass at a time before any of them runs: first
 * the trigger columns of the whole block are scanned (typed arrays only), then the entrants'
 * profile objects, their id hashes and their reachability are each read in a pass of their own.
 * An entrant's first reads of its objects miss the cache; done one entrant after another, each
 * waits for the one before, while a pass's reads are independent of each other and overlap.
 * What it works out is what {@link ColumnEntries.find} and `reachMask` give, entrant by entrant.
 */
export class EntrantBatch {
  /** Entrants in the batch, and per entrant: its profile index and start. */
  count = 0;
  readonly index = new Int32Array(BATCH_PROFILES);
  private readonly at = new Float64Array(BATCH_PROFILES);
  private readonly trigger = new Int32Array(BATCH_PROFILES);
  private readonly seq = new Float64Array(BATCH_PROFILES);
  private readonly hash = new Uint32Array(BATCH_PROFILES);
  private readonly reach = new Uint8Array(BATCH_PROFILES);
  private readonly profiles: (Profile | null)[] = new Array<Profile | null>(BATCH_PROFILES).fill(
    null,
  );
  /** The start {@link start} hands out, rewritten for each entrant. */
  private readonly scratch: EntrantStart = {
    profile: { id: '', attributes: { consent: {}, tags: [], custom: {} }, events: [] },
    hash: 0,
    at: Number.POSITIVE_INFINITY,
    trigger: -1,
    seq: -1,
    control: false,
    reach: 0,
  };

  /**
   * @param entries finds each profile's first entry from the columns.
   * @param reachChannels the channels worked out for every entrant (see `reachChannels`).
   */
  constructor(
    private readonly entries: ColumnEntries,
    private readonly columns: ProfileColumns,
    readonly reachChannels: number,
  ) {}

  /** Finds and sets up the entrants among profiles `from` to `to` (at most {@link BATCH_PROFILES}). */
  fill(from: number, to: number): number {
    const { entries, columns, index, profiles, hash, reach } = this;
    let n = 0;
    for (let i = from; i < to; i++) {
      if (!entries.scan(i)) continue;
      index[n] = i;
      this.at[n] = entries.at;
      this.trigger[n] = entries.trigger;
      this.seq[n] = entries.seq;
      profiles[n] = entries.scanned;
      n++;
    }
    for (let k = 0; k < n; k++) profiles[k] ??= columns.profile(index[k] as number);
    for (let k = 0; k < n; k++) hash[k] = hashText((profiles[k] as Profile).id);
    const channels = this.reachChannels;
    for (let k = 0; k < n; k++) reach[k] = reachMask(profiles[k] as Profile, channels);
    this.count = n;
    return n;
  }

  /** Entrant `k`'s start (the same object each time, rewritten). */
  start(k: number): EntrantStart {
    const s = this.scratch;
    s.profile = this.profiles[k] as Profile;
    s.hash = this.hash[k] as number;
    s.at = this.at[k] as number;
    s.trigger = this.trigger[k] as number;
    s.seq = this.seq[k] as number;
    s.control = this.entries.heldOut(s.hash);
    s.reach = this.reach[k] as number;
    return s;
  }

  /** Forgets the batch's profiles, so a finished run holds none of them. */
  clear(): void {
    this.profiles.fill(null, 0, this.count);
    this.count = 0;
  }
}
