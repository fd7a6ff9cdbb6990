import { contentHash, specToJson, type JourneyDocument, type Spec } from '../../domain/index.ts';
import { compiledRevision } from '../../editor/index.ts';

/** The last published version, as far as comparing goes. */
export interface LastPublished {
  version: number;
  specHash: string;
}

/**
 * The spec this document would publish as version `version`, or null while it has errors: the
 * revision's one compiled spec with the version number in place of its content version. The
 * hash is the one the backend computes for a published version (`contentHash(specToJson(spec))`).
 */
export function specForVersion(
  document: JourneyDocument,
  version: number,
): { spec: Spec; specHash: string } | null {
  const draft = compiledRevision(document).spec;
  if (draft === null) return null;
  const spec: Spec = { ...draft, journey: { ...draft.journey, version: String(version) } };
  return { spec, specHash: contentHash(specToJson(spec)) };
}

/**
 * Whether the draft differs from the last published version: it is compiled under that version's
 * number, so an unchanged journey hashes the same. False when it was never published (there is
 * nothing to differ from); true when the draft has errors (it cannot be what was published).
 */
export function hasUnpublishedChanges(
  document: JourneyDocument,
  lastPublished: LastPublished | undefined,
): boolean {
  if (lastPublished === undefined) return false;
  const draft = specForVersion(document, lastPublished.version);
  return draft === null || draft.specHash !== lastPublished.specHash;
}
