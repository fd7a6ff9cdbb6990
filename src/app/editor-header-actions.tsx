import type { Diagnostic, JourneyDocument } from '../domain/index.ts';
import { BackendSettingsButton } from '../features/publish/backend-settings-dialog.tsx';
import { ExportMenu } from '../features/publish/export-menu.tsx';
import { PublishButton } from '../features/publish/publish-button.tsx';
import type { VersionComparison } from '../features/publish/version-comparison.ts';

export interface EditorHeaderActionsProps {
  document: JourneyDocument;
  diagnostics: readonly Diagnostic[];
  onBackendErrors(diagnostics: readonly Diagnostic[]): void;
  onCompare(comparison: VersionComparison, returnFocus: () => void): void;
}

/** Export, backend settings and publishing: the editor header's actions. */
export function EditorHeaderActions({
  document,
  diagnostics,
  onBackendErrors,
  onCompare,
}: EditorHeaderActionsProps) {
  return (
    <>
      <ExportMenu document={document} />
      <BackendSettingsButton />
      <PublishButton
        document={document}
        diagnostics={diagnostics}
        onBackendErrors={onBackendErrors}
        onCompare={onCompare}
      />
    </>
  );
}
