import { FormattedMessage, useIntl } from 'react-intl';
import { useId, useState } from 'react';
import { quoteName, type RenamedStep } from '../../domain/index.ts';

/**
 * Says which steps of the journey just opened were given new ids (their old ids could not be
 * used), as an import says it: old ids escaped and quoted, the steps by their own names.
 */
export function RenamedStepsNotice({ renamed }: { renamed: readonly RenamedStep[] }) {
  const intl = useIntl();
  const textId = useId();
  const [shown, setShown] = useState(renamed.length > 0);
  if (!shown) return null;
  const list = (items: string[]) => intl.formatList(items, { type: 'conjunction' });
  return (
    <div role="status" aria-labelledby={textId} className="editor-notice">
      <span id={textId}>
        {intl.formatMessage(
          { id: 'editor.renamed-steps.renamed' },
          {
            count: renamed.length,
            ids: list(renamed.map((r) => quoteName(r.from))),
            steps: list(renamed.map((r) => (r.label.trim() === '' ? quoteName(r.to) : r.label))),
          },
        )}
      </span>
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setShown(false)}>
        <FormattedMessage id="editor.renamed-steps.dismiss" />
      </button>
    </div>
  );
}
