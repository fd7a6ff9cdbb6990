/**
 * How a draft differs from the published version whose counts are shown: whether its compiled
 * spec is a different one (the spec's content hash), and which of the version's steps it no
 * longer has (their counts are listed apart, since the canvas has nowhere to draw them).
 */
export interface VersionDrift {
  differs: boolean;
  /** Step ids of the published version the draft removed, in the version's order. */
  removedStepIds: string[];
  /** Step ids of the draft the published version does not have (no counts yet). */
  addedStepIds: string[];
}

export function versionDrift(
  draft: { specHash: string | null; stepIds: readonly string[] },
  published: { specHash: string; stepIds: readonly string[] },
): VersionDrift {
  const draftIds = new Set(draft.stepIds);
  const publishedIds = new Set(published.stepIds);
  const removedStepIds = published.stepIds.filter((id) => !draftIds.has(id));
  const addedStepIds = draft.stepIds.filter((id) => !publishedIds.has(id));
  return {
    // A draft that does not compile differs from any published version.
    differs:
      draft.specHash !== published.specHash || removedStepIds.length > 0 || addedStepIds.length > 0,
    removedStepIds,
    addedStepIds,
  };
}
