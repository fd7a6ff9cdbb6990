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
  const text = stored?.text ?? '';
  return (
    <Dialog
      open={stored !== null}
      onOpenChange={(open) => !open && onClose()}
      title={`Stored JSON of “${stored?.name ?? ''}”`}
      description="As stored in this browser. Export it to fix it in a text editor and import it again."
    >
      <textarea
        className="stored-json"
        readOnly
        aria-label="Stored JSON"
        value={text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}\n…` : text}
      />
    </Dialog>
  );
}
