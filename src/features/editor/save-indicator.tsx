import type { SaveState } from './use-autosave.ts';

/** "Saving…", "Saved" or the error, announced politely to screen readers. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const text =
    state.status === 'saving'
      ? 'Saving…'
      : state.status === 'saved'
        ? 'All changes saved'
        : `Not saved: ${state.message}`;
  return (
    <span role="status" className={`save-indicator save-${state.status}`}>
      {text}
    </span>
  );
}
