/**
 * The most recent keys seen, at most `capacity` of them: a worker that remembers what it has done
 * for each journey stays bounded over a long session of edits.
 */
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True the first time `key` is seen (or again once it has been forgotten); remembers it. */
  firstSeen(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next();
      if (oldest.done !== true) this.keys.delete(oldest.value);
    }
    return true;
  }

  get size(): number {
    return this.keys.size;
  }
}
