import {
  specJsonSchema,
  specToJson,
  stableJson,
  validateSpec,
  type JourneyDocument,
} from '../../domain/index.ts';
import { compiledRevision } from '../../editor/index.ts';

export type SpecExport =
  { ok: true; fileName: string; text: string } | { ok: false; message: string };

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
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    return {
      ok: false,
      message: `Fix ${errors} ${errors === 1 ? 'error' : 'errors'} to export the spec.`,
    };
  }
  const problems = validateSpec(spec);
  if (problems.length > 0) {
    return { ok: false, message: `The compiled spec is not valid: ${problems[0]?.message ?? ''}` };
  }
  return { ok: true, fileName: `${fileStem(document.name)}.spec.json`, text: specToJson(spec) };
}

/** The spec's JSON Schema as a file. */
export function exportSpecSchema(): { fileName: string; text: string } {
  return { fileName: 'journey-spec.schema.json', text: stableJson(specJsonSchema()) };
}
