import { contentHash, specToJson, type JourneyDocument, type Spec } from '../domain/index.ts';
import { compiledRevision } from './compiled-revision.ts';

/**
 * The spec this document would publish as version `version`, or null while it has errors: the
 * revision's one compiled spec with the version number in place of its content version. The
 * hash is the one the backend computes for a published version (`contentHash(specToJson(spec))`),
 * so an unchanged draft hashes as its published version does.
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
