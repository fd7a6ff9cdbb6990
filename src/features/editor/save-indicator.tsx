import type { SyncState } from './journey-sync.ts';

/** "Saving…", "All changes saved" (only once the write landed), the error or the conflict. */
export function SaveIndicator({ state, onRetry }: { state: SyncState; onRetry(): void }) {
  switch (state.status) {
    case 'saving':
      return (
        <span role="status" className="save-indicator save-saving">
          Saving…
        </span>
      );
    case 'saved':
      return (
        <span role="status" className="save-indicator save-saved">
          All changes saved
        </span>
      );
    case 'conflict':
      return (
        <span role="status" className="save-indicator save-error">
          Not saved: changed elsewhere
        </span>
      );
    case 'error':
      return (
        <span className="save-indicator save-error">
          <span role="alert">Not saved: {state.message}. Your edits are kept in this tab.</span>{' '}
          <button type="button" className="btn btn-sm" onClick={onRetry}>
            Retry
          </button>
        </span>
      );
  }
}
