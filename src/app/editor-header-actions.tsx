import type { Diagnostic, JourneyDocument } from '../domain/index.ts';
import { BackendSettingsButton } from '../features/publish/backend-settings-dialog.tsx';
import { ExportMenu } from '../features/publish/export-menu.tsx';
import { PublishButton } from '../features/publish/publish-button.tsx';

export interface EditorHeaderActionsProps {
  document: JourneyDocument;
  diagnostics: readonly Diagnostic[];
  onBackendErrors(diagnostics: readonly Diagnostic[]): void;
}

/** Export, backend settings and publishing: the editor header's actions. */
export function EditorHeaderActions({
  document,
  diagnostics,
  onBackendErrors,
}: EditorHeaderActionsProps) {
  return (
    <>
      <ExportMenu document={document} />
      <BackendSettingsButton />
      <PublishButton
        document={document}
        diagnostics={diagnostics}
        onBackendErrors={onBackendErrors}
      />
    </>
  );
}
