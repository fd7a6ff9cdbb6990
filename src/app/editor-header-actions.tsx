import type { Diagnostic, JourneyDocument } from '../domain/index.ts';
import { withPublishMessages } from '../i18n/with-publish-messages.tsx';
import { BackendSettingsButton } from '../features/publish/backend-settings-dialog.tsx';
import { ExportMenu } from '../features/publish/export-menu.tsx';
import { PublishButton } from '../features/publish/publish-button.tsx';
import type { VersionComparison } from '../features/publish/version-comparison.ts';

export interface EditorHeaderActionsProps {
  document: JourneyDocument;
  diagnostics: readonly Diagnostic[];
  /** Problems the backend found (refusing or warning), to show on their steps. */
  onBackendDiagnostics(diagnostics: readonly Diagnostic[]): void;
  /** Selects a step on the canvas. */
  onShowStep(stepId: string): void;
  onCompare(comparison: VersionComparison, returnFocus: () => void): void;
}

/** Export, backend settings and publishing: the editor header's actions. */
function HeaderActions({
  document,
  diagnostics,
  onBackendDiagnostics,
  onShowStep,
  onCompare,
}: EditorHeaderActionsProps) {
  return (
    <>
      <ExportMenu document={document} />
      <BackendSettingsButton />
      <PublishButton
        document={document}
        diagnostics={diagnostics}
        onBackendDiagnostics={onBackendDiagnostics}
        onShowStep={onShowStep}
        onCompare={onCompare}
      />
    </>
  );
}

export const EditorHeaderActions = withPublishMessages(HeaderActions);
