import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { countDiagnostics, type Diagnostic } from '../../../domain/index.ts';
import { diagnosticSummary } from '../../../i18n/diagnostic-text.ts';
import type { SyncState } from '../journey-sync.ts';
import { SaveIndicator } from '../save-indicator.tsx';

export interface EditorHeaderProps {
  journeyName: string;
  saveState: SyncState;
  onRetrySave(): void;
  diagnostics: readonly Diagnostic[];
  /** The problem count still describes an earlier edit. */
  validating: boolean;
  onShowProblems(): void;
  /** The bottom panel's toggle, when the app adds one. */
  bottomPanel?: { label: string; open: boolean; onToggle(): void } | undefined;
  /** The app's buttons (export, publish). */
  actions?: ReactNode;
}

/** The editor's header: back to the list, the journey's name, saved state, actions, problems. */
export function EditorHeader({
  journeyName,
  saveState,
  onRetrySave,
  diagnostics,
  validating,
  onShowProblems,
  bottomPanel,
  actions,
}: EditorHeaderProps) {
  const intl = useIntl();
  const summary = countDiagnostics(diagnostics);
  return (
    <header className="editor-header">
      <Link to="/" className="editor-back">
        <FormattedMessage id="editor.editor-workspace.journeys" />
      </Link>
      <h1 className="editor-title" title={journeyName || undefined}>
        {journeyName || intl.formatMessage({ id: 'editor.editor-workspace.untitledJourney' })}
      </h1>
      <SaveIndicator state={saveState} onRetry={onRetrySave} />
      <div className="editor-header-actions">
        {bottomPanel && (
          <button
            type="button"
            className="btn btn-sm"
            aria-expanded={bottomPanel.open}
            aria-controls="editor-bottom-panel"
            onClick={bottomPanel.onToggle}
          >
            {bottomPanel.label}
          </button>
        )}
        {actions}
        <button
          type="button"
          className={`btn btn-sm ${summary.errors > 0 ? 'problems-button-error' : ''}`}
          // The count follows the document a render behind (deferred validation): busy until
          // it describes the journey as edited, so no one reads the previous edit's count.
          aria-busy={validating}
          onClick={onShowProblems}
        >
          {diagnosticSummary(intl, diagnostics)}
        </button>
      </div>
    </header>
  );
}
