import type { Profile } from '../profiles/profile.ts';
import { CHANNELS, type Channel } from '../channels.ts';
import { isReachable } from '../conditions/reachability.ts';
import type { ColumnEntries, EntrantStart } from './column-entries.ts';
import type { ProfileColumns } from './profile-columns.ts';
import { hashText } from './seeded.ts';

/** Profiles scanned per batch: enough entrants to overlap their reads, few enough to stay cached. */
export const BATCH_PROFILES = 64;

/**
 * The entrants of a block of profiles, set up a pass at a time before any of them runs: first
 * the trigger columns of the whole block are scanned (typed arrays only), then (when the run
 * reads them) the entrants' profile objects, their id hashes and their reachability are each
 * read in a pass of their own. An entrant's object the run may not read is left unbuilt (null):
 * the run builds it if something asks for it.
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
  private readonly ids: string[] = new Array<string>(BATCH_PROFILES).fill('');
  /**
   * Whether the last {@link fill} put objects or ids in {@link profiles} or {@link ids}: when it
   * read columns only (the usual run), {@link clear} has nothing to forget. Asked per fill: the
   * columns of a stored set lose their reach column when a chunk without one arrives.
   */
  private holds = false;
  /** Written only to read each id's text before it is hashed (see {@link fill}). */
  private readonly idLength = new Int32Array(BATCH_PROFILES);
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
   * @param readsObjects whether the run reads every entrant's object (see `readsEntrantObjects`):
   *   then they are read ahead, in a pass; else an entrant's is built only if something reads it.
   */
  constructor(
    private readonly entries: ColumnEntries,
    private readonly columns: ProfileColumns,
    readonly reachChannels: number,
    private readonly readsObjects: boolean,
  ) {}

  /** Finds and sets up the entrants among profiles `from` to `to` (at most {@link BATCH_PROFILES}). */
  fill(from: number, to: number): number {
    const { entries, columns, index, profiles, hash, reach } = this;
    const n = entries.scanBlock(from, to, index, this.at, this.trigger, this.seq, profiles);
    this.holds =
      !entries.byNameOnly ||
      this.readsObjects ||
      columns.idHash === undefined ||
      columns.reach === undefined;
    if (this.readsObjects) {
      // The run reads each entrant's object: read them here, in a pass, rather than one entrant
      // after another in the run (V8 checks the object's shape where it is stored).
      for (let k = 0; k < n; k++) profiles[k] ??= columns.profile(index[k] as number);
      for (let k = 0; k < n; k++) this.ids[k] = (profiles[k] as Profile).id;
    }
    const idHash = columns.idHash;
    if (idHash !== undefined) {
      // Hashed with the columns: no entrant's id is read.
      for (let k = 0; k < n; k++) hash[k] = idHash[index[k] as number] as number;
    } else {
      // The ids, their lengths (the first read of each id's text), then their hashes: a pass
      // for each read of cold memory.
      const ids = this.ids;
      for (let k = 0; k < n; k++) ids[k] = profiles[k]?.id ?? columns.id(index[k] as number);
      for (let k = 0; k < n; k++) this.idLength[k] = (ids[k] as string).length;
      for (let k = 0; k < n; k++) hash[k] = hashText(ids[k] as string);
    }
    const channels = this.reachChannels;
    const known = columns.reach;
    if (known !== undefined) {
      // Worked out with the columns: no contact detail or consent of the entrant is read.
      for (let k = 0; k < n; k++) reach[k] = (known[index[k] as number] as number) & channels;
      this.count = n;
      return n;
    }
    // A pass per channel: its short body lets the reads of several entrants be in flight.
    for (let k = 0; k < n; k++) profiles[k] ??= columns.profile(index[k] as number);
    reach.fill(0, 0, n);
    for (let c = 0; c < CHANNELS.length; c++) {
      const bit = 1 << c;
      if ((channels & bit) === 0) continue;
      const channel = CHANNELS[c] as Channel;
      for (let k = 0; k < n; k++)
        if (isReachable(profiles[k] as Profile, channel)) reach[k] = (reach[k] as number) | bit;
    }
    this.count = n;
    return n;
  }

  /** Entrant `k`'s start (the same object each time, rewritten). */
  start(k: number): EntrantStart {
    const s = this.scratch;
    s.profile = this.profiles[k] as Profile | null;
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
    if (this.holds) {
      this.profiles.fill(null, 0, this.count);
      this.ids.fill('', 0, this.count);
    }
    this.count = 0;
  }
}
