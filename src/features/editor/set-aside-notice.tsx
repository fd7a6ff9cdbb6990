import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
  const [shown, setShown] = useState(texts);
  if (shown.length === 0) return null;
  return (
    <div role="alert" className="editor-notice editor-notice-warning">
      {shown.length === 1
        ? intl.formatMessage({ id: 'editor.set-aside-notice.aLocalCopyOfUnsaved' })
        : intl.formatMessage(
            { id: 'editor.set-aside-notice.localCopiesOfUnsavedEdits' },
            { length: shown.length },
          )}
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
        <FormattedMessage id="editor.set-aside-notice.download" />
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        onClick={() => {
          shown.forEach((entry) => onDiscard(entry.key));
          setShown([]);
        }}
      >
        <FormattedMessage id="editor.set-aside-notice.discard" />
      </button>
    </div>
  );
}
