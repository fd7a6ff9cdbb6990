import {
  specJsonSchema,
  specToJson,
  stableJson,
  validateSpec,
  type Diagnostic,
  type JourneyDocument,
} from '../../domain/index.ts';
import { compiledRevision } from '../../editor/compiled-revision.ts';

/**
 * The spec as a file, or why not: the journey's errors (`errors` counted) or, should the compiler
 * ever write one, the first problem the spec validator finds in its own output.
 */
export type SpecExport =
  | { ok: true; fileName: string; text: string }
  | { ok: false; errors: number; invalid?: Diagnostic };

/** A file name from a journey name: lower case, words joined by dashes. */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'journey';
}

/**
 * The compiled spec as a byte-stable file, checked again with `validateSpec` (the same check a
 * backend runs) before it leaves the app.
 */
export function exportSpec(document: JourneyDocument): SpecExport {
  const { spec, diagnostics } = compiledRevision(document);
  if (spec === null) {
    return { ok: false, errors: diagnostics.filter((d) => d.severity === 'error').length };
  }
  const [invalid] = validateSpec(spec);
  if (invalid !== undefined) return { ok: false, errors: 0, invalid };
  return { ok: true, fileName: `${fileStem(document.name)}.spec.json`, text: specToJson(spec) };
}

/** The spec's JSON Schema as a file. */
export function exportSpecSchema(): { fileName: string; text: string } {
  return { fileName: 'journey-spec.schema.json', text: stableJson(specJsonSchema()) };
}
