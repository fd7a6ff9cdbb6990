import { FormattedMessage, useIntl } from 'react-intl';
import { failureCause } from '../../i18n/failure-words.ts';
import type { SyncState } from './journey-sync.ts';

/** "Saving…", "All changes saved" (only once the write landed), the error or the conflict. */
export function SaveIndicator({ state, onRetry }: { state: SyncState; onRetry(): void }) {
  const intl = useIntl();
  switch (state.status) {
    case 'saving':
      return (
        <span role="status" className="save-indicator save-saving">
          <FormattedMessage id="editor.save-indicator.saving" />
        </span>
      );
    case 'saved':
      return (
        <span role="status" className="save-indicator save-saved">
          <FormattedMessage id="editor.save-indicator.allChangesSaved" />
        </span>
      );
    case 'conflict':
      return (
        <span role="status" className="save-indicator save-error">
          <FormattedMessage id="editor.save-indicator.notSavedChangedElsewhere" />
        </span>
      );
    case 'error':
      return (
        <span className="save-indicator save-error">
          <span role="alert">
            <FormattedMessage
              id="editor.save-indicator.notSavedKeptInThisTab"
              values={{ cause: failureCause(intl, state.reason) }}
            />
          </span>{' '}
          <button type="button" className="btn btn-sm" onClick={onRetry}>
            <FormattedMessage id="editor.save-indicator.retry" />
          </button>
        </span>
      );
  }
}
