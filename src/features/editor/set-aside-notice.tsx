import { useState } from 'react';
import { downloadText } from '../../ui/download.ts';

export interface SetAsideNoticeProps {
  journeyName: string;
  /** Unreadable journal entries kept aside for this journey. */
  texts: { key: string; text: string }[];
  onDiscard(key: string): void;
}

/**
 * Says that a local copy of unsaved edits could not be read (corrupt or from an unknown
 * version), so it was not applied; offers it as a file, or to discard it.
 */
export function SetAsideNotice({ journeyName, texts, onDiscard }: SetAsideNoticeProps) {
  const [shown, setShown] = useState(texts);
  if (shown.length === 0) return null;
  return (
    <div role="alert" className="editor-notice editor-notice-warning">
      {shown.length === 1
        ? 'A local copy of unsaved edits to this journey could not be read, so it was not applied.'
        : `${shown.length} local copies of unsaved edits to this journey could not be read, so they were not applied.`}
      <button
        type="button"
        className="btn btn-sm"
        onClick={() =>
          shown.forEach((entry, i) =>
            downloadText(
              `${journeyName || 'journey'}-unsaved-${i + 1}.txt`,
              entry.text,
              'text/plain',
            ),
          )
        }
      >
        Download
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={() => {
          shown.forEach((entry) => onDiscard(entry.key));
          setShown([]);
        }}
      >
        Discard
      </button>
    </div>
  );
}
