import type { JourneyDocument, Spec } from '../../domain/index.ts';
import { compiledRevision } from '../../editor/index.ts';

/** A document ready to simulate, or the number of errors that stop it. */
export type CompiledForSimulation =
  { ok: true; spec: Spec; specHash: string } | { ok: false; errors: number };

/** The document's compiled revision, named by its content version (`spec.journey.version`). */
export function compileForSimulation(document: JourneyDocument): CompiledForSimulation {
  const { spec, specHash, diagnostics } = compiledRevision(document);
  if (spec === null || specHash === null) {
    return { ok: false, errors: diagnostics.filter((d) => d.severity === 'error').length };
  }
  return { ok: true, spec, specHash };
}
