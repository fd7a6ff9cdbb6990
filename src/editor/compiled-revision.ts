import {
  compile,
  type CompileResult,
  type Diagnostic,
  type JourneyDocument,
  type Spec,
  templateEngine,
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
  templatesCheckable: () => boolean = () => templateEngine() !== undefined,
): (document: JourneyDocument) => CompiledRevision {
  const cache = new WeakMap<
    JourneyDocument,
    { compiled: CompiledRevision; templatesChecked: boolean }
  >();
  return (document) => {
    const checkable = templatesCheckable();
    let entry = cache.get(document);
    // A revision compiled before the Liquid engine loaded had its templates unchecked: compile it
    // again once they can be, so a broken template never reaches simulation or publishing.
    if (entry === undefined || (checkable && !entry.templatesChecked)) {
      const { spec, diagnostics } = compileDocument(document);
      entry = {
        compiled: { spec, diagnostics, specHash: spec?.journey.version ?? null },
        templatesChecked: checkable,
      };
      cache.set(document, entry);
    }
    return entry.compiled;
  };
}

/**
 * The compiler made total for the editor: a journey it cannot check (say, a condition nested past
 * the stack) still opens, with one error saying so, instead of taking the page down.
 */
export function compileOrExplain(document: JourneyDocument): CompileResult {
  try {
    return compile(document);
  } catch (error) {
    const tooDeep = error instanceof RangeError;
    const message = tooDeep
      ? 'This journey could not be checked: it is nested too deeply.'
      : 'This journey could not be checked.';
    return {
      spec: null,
      diagnostics: [
        {
          severity: 'error',
          code: 'journey.unchecked',
          message,
          params: { why: tooDeep ? 'too_deep' : 'other' },
        },
      ],
    };
  }
}

/** The app's one compiled result per revision: the workspace's problems, simulation, publish. */
export const compiledRevision = createCompileCache(compileOrExplain);
