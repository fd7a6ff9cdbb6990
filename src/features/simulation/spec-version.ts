import {
  compile,
  contentHash,
  specToJson,
  type JourneyDocument,
  type Spec,
} from '../../domain/index.ts';

/** A document ready to simulate, or the number of errors that stop it. */
export type CompiledForSimulation =
  { ok: true; spec: Spec; specHash: string } | { ok: false; errors: number };

/** Compiles a document and names its version by `contentHash(specToJson(spec))`. */
export function compileForSimulation(document: JourneyDocument): CompiledForSimulation {
  const { spec, diagnostics } = compile(document);
  if (spec === null) {
    return { ok: false, errors: diagnostics.filter((d) => d.severity === 'error').length };
  }
  return { ok: true, spec, specHash: contentHash(specToJson(spec)) };
}
