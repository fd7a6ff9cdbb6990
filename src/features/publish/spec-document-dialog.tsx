import { FormattedMessage, useIntl } from 'react-intl';
import specDocument from '../../../docs/spec.md?raw';
import { Dialog, type DialogOpenProps } from '../../ui/dialog.tsx';
import { MarkdownView } from './markdown-view.tsx';

/** The spec document (docs/spec.md), readable in the app. */
export function SpecDocumentDialog({ open, onOpenChange }: DialogOpenProps) {
  const intl = useIntl();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={intl.formatMessage({ id: 'publish.spec-document-dialog.theJourneySpec' })}
    >
      <MarkdownView source={specDocument} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => onOpenChange(false)}>
          <FormattedMessage id="publish.spec-document-dialog.close" />
        </button>
      </div>
    </Dialog>
  );
}
