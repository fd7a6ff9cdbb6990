import { useIntl } from 'react-intl';
import { Dialog } from '../../ui/dialog.tsx';

/** Text past this many characters is cut in the dialog; Export gives all of it. */
const SHOWN_CHARACTERS = 200_000;

/** A stored journey's JSON, read-only, for a journey the editor cannot open. */
export function StoredJsonDialog({
  stored,
  onClose,
}: {
  stored: { name: string; text: string } | null;
  onClose(): void;
}) {
  const intl = useIntl();
  const text = stored?.text ?? '';
  return (
    <Dialog
      open={stored !== null}
      onOpenChange={(open) => !open && onClose()}
      title={intl.formatMessage({ id: 'journeys.stored.title' }, { journey: stored?.name ?? '' })}
      description={intl.formatMessage({ id: 'journeys.stored.description' })}
    >
      <textarea
        className="stored-json"
        readOnly
        aria-label={intl.formatMessage({ id: 'journeys.stored.label' })}
        value={text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}\n…` : text}
      />
    </Dialog>
  );
}
