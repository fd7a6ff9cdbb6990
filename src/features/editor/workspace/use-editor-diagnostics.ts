import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import {
  isTemplateDiagnostic,
  validate,
  type Diagnostic,
  type JourneyDocument,
  type TemplateContext,
} from '../../../domain/index.ts';
import { compiledRevision, type EditorStore } from '../../../editor/index.ts';

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

const errorsFirst = (list: readonly Diagnostic[]): Diagnostic[] => [
  ...list.filter((d) => d.severity === 'error'),
  ...list.filter((d) => d.severity === 'warning'),
];

export interface EditorDiagnostics {
  /** Problems found elsewhere first, then the validator's, errors before warnings. */
  diagnostics: readonly Diagnostic[];
  /** True while `diagnostics` still describe an earlier edit (validation is deferred). */
  validating: boolean;
  /** Adds problems found elsewhere (e.g. the backend refusing a step) until the next edit. */
  setExternalDiagnostics(diagnostics: readonly Diagnostic[]): void;
}

/**
 * The journey's problems as the editor shows them. Validation follows the document without
 * blocking typing on very large journeys.
 */
export function useEditorDiagnostics(
  store: EditorStore,
  document: JourneyDocument,
  templates: { ready: boolean; context: TemplateContext | undefined },
): EditorDiagnostics {
  const [external, setExternal] = useState<{
    diagnostics: readonly Diagnostic[];
    document: JourneyDocument | null;
  }>({ diagnostics: [], document: null });
  // Problems found elsewhere describe the document they were found in: an edit clears them.
  const externalDiagnostics =
    external.document === document ? external.diagnostics : NO_DIAGNOSTICS;
  const setExternalDiagnostics = useCallback(
    (diagnostics: readonly Diagnostic[]) =>
      setExternal({ diagnostics, document: store.getState().document }),
    [store],
  );

  const deferredDocument = useDeferredValue(document);
  const { ready, context } = templates;
  const diagnostics = useMemo(() => {
    const compiled = compiledRevision(deferredDocument).diagnostics;
    if (!ready) return [...externalDiagnostics, ...compiled];
    // Template checks again with the profile set's fields and sample, in place of the compiled
    // revision's (which knew no profiles, or ran before the engine had loaded).
    const checked = validate(deferredDocument, { templateContext: context }).filter(
      isTemplateDiagnostic,
    );
    return [
      ...externalDiagnostics,
      ...errorsFirst([...compiled.filter((d) => !isTemplateDiagnostic(d)), ...checked]),
    ];
  }, [deferredDocument, externalDiagnostics, context, ready]);

  return { diagnostics, validating: deferredDocument !== document, setExternalDiagnostics };
}
