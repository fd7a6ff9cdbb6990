import type { JourneyDocument } from '../../domain/index.ts';
import { specForVersion } from '../../editor/spec-for-version.ts';

export { specForVersion };

/** The last published version, as far as comparing goes. */
export interface LastPublished {
  version: number;
  specHash: string;
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
