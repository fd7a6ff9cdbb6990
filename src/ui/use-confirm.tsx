import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './dialog.tsx';

/** What the confirmation says about one item. */
export interface ConfirmText {
  title: string;
  description: ReactNode;
  confirmLabel: string;
}

/**
 * Asks before a destructive action on one row of a list: `ask(item)` opens the dialog, and
 * confirming runs `onConfirm(item)`. Render `dialog` once beside the list.
 */
export function useConfirm<T>(
  text: (item: T) => ConfirmText,
  onConfirm: (item: T) => void,
): { ask: (item: T) => void; dialog: ReactNode } {
  const [pending, setPending] = useState<{ item: T } | null>(null);
  const shown =
    pending === null ? { title: '', description: '', confirmLabel: '' } : text(pending.item);
  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      onOpenChange={(open) => !open && setPending(null)}
      title={shown.title}
      description={shown.description}
      confirmLabel={shown.confirmLabel}
      danger
      onConfirm={() => pending !== null && onConfirm(pending.item)}
    />
  );
  return { ask: (item) => setPending({ item }), dialog };
}
