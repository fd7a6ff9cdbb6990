import {
  latestEvent,
  messageTemplates,
  missingShares,
  parseTemplate,
  unguardedPaths,
  type Profile,
  type StepKind,
} from '../../../../domain/index.ts';

/** Profile and event paths the step's templates print without a fallback. */
export function unguardedPathsOf(kind: StepKind, config: unknown): string[] {
  const paths = new Set<string>();
  for (const t of messageTemplates(kind, config)) {
    const parsed = parseTemplate(t.source);
    if (parsed.ok) for (const p of unguardedPaths(parsed)) paths.add(p);
  }
  return [...paths];
}

/** The first profile lacking a value the message prints without a fallback, and which path. */
export function profileMissingAField(
  profiles: readonly Profile[],
  paths: readonly string[],
  triggerEvent: string | undefined,
): { profile: Profile; path: string } | undefined {
  for (const profile of profiles) {
    const [gap] = missingShares(paths, [profile], triggerEvent);
    if (gap !== undefined) return { profile, path: gap.path };
  }
  return undefined;
}

/** What the preview assumes started the journey for this profile. */
export function previewEvent(profile: Profile, triggerEvent: string | undefined) {
  return triggerEvent === undefined ? undefined : latestEvent(profile, triggerEvent);
}
