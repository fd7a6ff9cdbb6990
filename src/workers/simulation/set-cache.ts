import type { ProfileColumns } from '../../domain/simulate/profile-columns.ts';
import type { ChunkPart } from '../../storage/profile-chunk-reader.ts';
import type { StoredSetRef } from './simulation-protocol.ts';

/** One read of a part of a stored set: the revision its snapshot saw, then its batches. */
export interface PartRead {
  revision: number;
  batches: AsyncIterable<ProfileColumns>;
}

/** Where a {@link SetCache} reads: IndexedDB in a worker, a fake in tests. */
export interface SetSource {
  /** The set's current revision: a cheap check that what is kept is still the set. */
  revision(set: StoredSetRef): Promise<number>;
  /** Starts reading one part (the whole set when undefined), batch by batch. */
  open(set: StoredSetRef, part: ChunkPart | undefined): Promise<PartRead>;
}

/** Sets' parts kept per worker by default: two, so switching between two sets reads neither again. */
export const KEPT_PARTS = 2;

/** Why a read was stopped: every reader left before it finished. */
class ReadAbandoned extends Error {
  constructor() {
    super('The read of a profile set was abandoned.');
    this.name = 'ReadAbandoned';
  }
}

/**
 * One part of a set being read or read: its batches so far, shared by every reader. Readers
 * replay the batches from the first and wait for the next; the read stops (and is forgotten)
 * when every reader left before it finished, or when it failed.
 */
class KeptPart {
  readonly batches: ProfileColumns[] = [];
  /** Known once the read's snapshot is taken. */
  revision: number | undefined;
  state: 'reading' | 'done' | 'failed' = 'reading';
  error: unknown;
  readers = 0;
  private waiting: (() => void)[] = [];

  /** Resolves at the next change: a batch, the revision, the end or a failure. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  notify(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }

  fail(error: unknown): void {
    if (this.state !== 'reading') return;
    this.state = 'failed';
    this.error = error;
    this.notify();
  }
}

function keyOf(set: StoredSetRef, part: ChunkPart | undefined): string {
  // The one part of one is the whole set: a span of the whole set readies a one-worker run.
  const of = part === undefined || part.of === 1 ? 'all' : `${part.index}/${part.of}`;
  return `${set.dbName}\u0000${set.setId}\u0000${of}`;
}

/**
 * A worker's decoded profile sets, kept between runs: a run over a set this worker read before
 * (same part, same revision) starts from memory instead of IndexedDB. Runs that ask for a part
 * while it is being read share that one read. A set that changed (a new revision) is read again;
 * a read that failed or was abandoned by all its readers is not kept. At most `capacity` parts
 * are kept (least recently used first out), so memory stays bounded by one or two sets.
 */
export class SetCache {
  private readonly kept = new Map<string, KeptPart>();

  constructor(
    private readonly source: SetSource,
    private readonly capacity = KEPT_PARTS,
  ) {}

  /**
   * The part's batches at the set's current revision, in stored order: from memory, from a read
   * in flight, or read now. Stopping early (a cancelled run) leaves the read to the other
   * readers, or stops it when none is left.
   */
  async *columns(set: StoredSetRef, part?: ChunkPart): AsyncGenerator<ProfileColumns> {
    const current = await this.source.revision(set);
    const key = keyOf(set, part);
    const found = this.kept.get(key);
    let entry: KeptPart;
    if (this.usable(found, current)) {
      entry = found;
      this.kept.delete(key); // most recently used last
      this.kept.set(key, entry);
    } else entry = this.start(key, set, part);
    // Counted in the same turn as it was found, so no other reader's leaving can stop the read.
    entry.readers++;
    try {
      while (entry.revision === undefined && entry.state === 'reading') await entry.changed();
      if (entry.revision !== undefined && entry.revision < current) {
        // Found while it opened, and it opened on an older revision: read the current one.
        this.leave(key, entry);
        entry = this.start(key, set, part);
        entry.readers++;
      }
      for (let i = 0; ; i++) {
        while (i >= entry.batches.length) {
          if (entry.state === 'done') return;
          if (entry.state === 'failed') throw entry.error;
          await entry.changed();
        }
        yield entry.batches[i] as ProfileColumns;
      }
    } finally {
      this.leave(key, entry);
    }
  }

  /**
   * Reads the part into memory if it is not there yet, so a run that comes later starts at once
   * (e.g. when the simulation panel opens on a set). Rejects as the read would.
   */
  async warm(set: StoredSetRef, part?: ChunkPart): Promise<void> {
    for await (const _batch of this.columns(set, part)) {
      // Nothing to do with the batches: holding the read open until it ends is the point.
    }
  }

  /** Forgets every kept part (reads in flight go on for their readers). */
  clear(): void {
    this.kept.clear();
  }

  /** How many parts are kept or being read; for tests. */
  get size(): number {
    return this.kept.size;
  }

  private usable(entry: KeptPart | undefined, current: number): entry is KeptPart {
    if (entry === undefined || entry.state === 'failed') return false;
    // Still opening: share it (checked against `current` once it knows its revision).
    return entry.revision === undefined || entry.revision >= current;
  }

  private start(key: string, set: StoredSetRef, part: ChunkPart | undefined): KeptPart {
    const entry = new KeptPart();
    this.kept.delete(key);
    this.kept.set(key, entry);
    while (this.kept.size > this.capacity) {
      // Maps iterate in insertion order: the first key is the least recently started or used.
      const oldest = this.kept.keys().next().value as string;
      this.kept.delete(oldest);
    }
    void this.fill(key, entry, set, part);
    return entry;
  }

  private async fill(
    key: string,
    entry: KeptPart,
    set: StoredSetRef,
    part: ChunkPart | undefined,
  ): Promise<void> {
    let unfinished: AsyncIterator<ProfileColumns> | undefined;
    try {
      const read = await this.source.open(set, part);
      entry.revision = read.revision;
      entry.notify();
      const batches = read.batches[Symbol.asyncIterator]();
      unfinished = batches;
      while (entry.state === 'reading') {
        const next = await batches.next();
        if (entry.state !== 'reading') break;
        if (next.done === true) {
          entry.state = 'done';
          unfinished = undefined;
        } else entry.batches.push(next.value);
        entry.notify();
      }
    } catch (error) {
      this.forget(key, entry);
      entry.fail(error);
    } finally {
      // Abandoned part way: let the source release what it holds (an open transaction, a cursor).
      if (unfinished?.return !== undefined) await unfinished.return().catch(() => undefined);
    }
  }

  /** A reader is done with `entry`; the last one out of an unfinished read stops it. */
  private leave(key: string, entry: KeptPart): void {
    entry.readers--;
    if (entry.readers > 0 || entry.state !== 'reading') return;
    this.forget(key, entry);
    entry.fail(new ReadAbandoned());
  }

  private forget(key: string, entry: KeptPart): void {
    if (this.kept.get(key) === entry) this.kept.delete(key);
  }
}
