import { mergeProfiles } from './merge-profiles';
import { normaliseEmail } from './normalise-email';
import type { Profile } from './profile';

/** One customer found more than once: the id kept and the ids folded into it. */
export interface MergeGroup {
  /** The id the merged profile keeps: the first seen. */
  id: string;
  /** The ids of the other records folded in (equal to `id` for a repeated id). */
  mergedIds: string[];
  /** How many input records made this profile. */
  records: number;
  /** What matched: the same id, the same normalised email, or both. */
  matchedBy: Array<'id' | 'email'>;
}

/** The profiles with duplicates merged and what was merged. */
export interface DedupeResult {
  profiles: Profile[];
  /** Number of input records folded into another one. */
  mergedCount: number;
  merged: MergeGroup[];
}

/**
 * Merges profiles with the same id or the same normalised email (see `normaliseEmail`),
 * transitively. Output keeps the order of first appearance; profiles with no duplicate are
 * returned as the same objects.
 */
export function dedupeProfiles(profiles: readonly Profile[]): DedupeResult {
  const parent = new Int32Array(profiles.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    let node = i;
    while (parent[node] !== root) {
      const next = parent[node] ?? root;
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const matched = new Map<number, Set<'id' | 'email'>>();
  const union = (a: number, b: number, by: 'id' | 'email'): void => {
    const ra = find(a);
    const rb = find(b);
    const root = Math.min(ra, rb);
    if (ra !== rb) parent[Math.max(ra, rb)] = root;
    const kinds = matched.get(b) ?? new Set();
    kinds.add(by);
    matched.set(b, kinds);
  };
  const byId = new Map<string, number>();
  const byEmail = new Map<string, number>();
  profiles.forEach((profile, i) => {
    const seenId = byId.get(profile.id);
    if (seenId === undefined) byId.set(profile.id, i);
    else union(seenId, i, 'id');
    const email = profile.attributes.email;
    if (email !== undefined && email.trim() !== '') {
      const key = normaliseEmail(email);
      const seenEmail = byEmail.get(key);
      if (seenEmail === undefined) byEmail.set(key, i);
      else union(seenEmail, i, 'email');
    }
  });
  if (matched.size === 0) return { profiles: [...profiles], mergedCount: 0, merged: [] };

  const groups = new Map<number, number[]>();
  for (let i = 0; i < profiles.length; i++) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  const out: Profile[] = [];
  const merged: MergeGroup[] = [];
  for (const members of groups.values()) {
    const records = members.map((i) => profiles[i] as Profile);
    const [first, ...rest] = records;
    if (!first) continue;
    if (rest.length === 0) {
      out.push(first);
      continue;
    }
    out.push(mergeProfiles(first, ...rest));
    const kinds = new Set<'id' | 'email'>();
    for (const i of members) for (const kind of matched.get(i) ?? []) kinds.add(kind);
    merged.push({
      id: first.id,
      mergedIds: rest.map((p) => p.id),
      records: records.length,
      matchedBy: [...kinds].sort(),
    });
  }
  return { profiles: out, mergedCount: profiles.length - out.length, merged };
}
