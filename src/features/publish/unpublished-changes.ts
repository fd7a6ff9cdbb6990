import {
  compile,
  contentHash,
  specToJson,
  type JourneyDocument,
  type Spec,
} from '../../domain/index.ts';

/** The last published version, as far as comparing goes. */
export interface LastPublished {
  version: number;
  specHash: string;
}

/**
 * The spec this document would publish as version `version`, or null while it has errors. The
 * hash is the one the backend computes (`contentHash(specToJson(spec))`).
 */
export function specForVersion(
  document: JourneyDocument,
  version: number,
): { spec: Spec; specHash: string } | null {
  const { spec } = compile(document, { version });
  return spec === null ? null : { spec, specHash: contentHash(specToJson(spec)) };
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
