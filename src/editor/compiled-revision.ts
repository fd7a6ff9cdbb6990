import {
  compile,
  type CompileResult,
  type Diagnostic,
  type JourneyDocument,
  type Spec,
} from '../domain/index.ts';

/** One revision of a document, compiled. Shared by every reader: never mutate it. */
export interface CompiledRevision {
  /** Errors first, then warnings (what `validate` returns). */
  diagnostics: readonly Diagnostic[];
  /** Null while errors stop it. */
  spec: Spec | null;
  /** The spec's identity, its content version (`spec.journey.version`); null while errors stop it. */
  specHash: string | null;
}

/**
 * Compiles each revision of a document once, however many panels ask. A document is immutable
 * (every edit makes a new object), so the object itself is the revision's key, and a revision
 * no one holds any more is forgotten with it.
 */
export function createCompileCache(
  compileDocument: (document: JourneyDocument) => CompileResult = compile,
): (document: JourneyDocument) => CompiledRevision {
  const cache = new WeakMap<JourneyDocument, CompiledRevision>();
  return (document) => {
    let compiled = cache.get(document);
    if (compiled === undefined) {
      const { spec, diagnostics } = compileDocument(document);
      compiled = { spec, diagnostics, specHash: spec?.journey.version ?? null };
      cache.set(document, compiled);
    }
    return compiled;
  };
}

/** The app's one compiled result per revision: the workspace's problems, simulation, publish. */
export const compiledRevision = createCompileCache();
