import type { Profile } from '../profiles/profile.ts';
import type { ParsedTemplate } from './parse-template.ts';
import {
  isMissingValue,
  latestEvent,
  readScopePath,
  templateScope,
  type TemplateScope,
} from './template-variables.ts';

/** How many profiles lack a value a template prints without a fallback. */
export interface MissingShare {
  path: string;
  missing: number;
  /** Profiles the share is taken over: all of them for profile fields; for event properties,
   * those that have had the triggering event. */
  of: number;
  share: number;
}

const JOURNEY = { id: '', name: '', unsubscribeUrl: '' };

/** Profile and event paths a template prints with no `default` and no enclosing test. */
export function unguardedPaths(parsed: ParsedTemplate): string[] {
  const paths = parsed.references
    .filter(
      (r) =>
        r.printed &&
        !r.hasDefault &&
        (r.path.startsWith('profile.') || r.path.startsWith('event.')),
    )
    .map((r) => r.path);
  return [...new Set(paths)];
}

/**
 * The share of profiles for which each unguarded path is missing (left out, null, blank or an
 * empty list), in order of first use. Paths missing for nobody are left out.
 */
export function missingShares(
  paths: readonly string[],
  profiles: readonly Profile[],
  triggerEvent: string | undefined,
): MissingShare[] {
  if (paths.length === 0) return [];
  const missing = new Map(paths.map((p) => [p, 0]));
  let withEvent = 0;
  for (const profile of profiles) {
    const event = triggerEvent === undefined ? undefined : latestEvent(profile, triggerEvent);
    if (event !== undefined) withEvent++;
    const scope: TemplateScope = templateScope(profile, event, JOURNEY);
    for (const path of paths) {
      if (path.startsWith('event.') && event === undefined) continue;
      if (isMissingValue(readScopePath(scope, path))) {
        missing.set(path, (missing.get(path) ?? 0) + 1);
      }
    }
  }
  return paths.flatMap((path) => {
    const of = path.startsWith('event.') ? withEvent : profiles.length;
    const count = missing.get(path) ?? 0;
    return count === 0 || of === 0 ? [] : [{ path, missing: count, of, share: count / of }];
  });
}

/** "23%", or "under 1%" so a rare gap never reads as 0%. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.01) return 'under 1%';
  return `${Math.round(share * 100)}%`;
}
