import specDocument from '../../../docs/spec.md?raw';
import { Dialog } from '../../ui/dialog.tsx';
import { MarkdownView } from './markdown-view.tsx';

/** The spec document (docs/spec.md), readable in the app. */
export function SpecDocumentDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="The journey spec">
      <MarkdownView source={specDocument} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => onOpenChange(false)}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
