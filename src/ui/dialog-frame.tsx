import * as RadixDialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
}

/**
 * An accessible modal dialog (Radix): focus trapped, Escape closes, title announced. Loaded on
 * demand through `Dialog` in `dialog.tsx`, so Radix is not part of any screen's first load.
 */
export function DialogFrame({ open, onOpenChange, title, description, children }: DialogProps) {
  // Radix gives focus back to its Trigger, and these dialogs are opened by plain buttons (no
  // Trigger): without this, closing one left focus on the body. Give it back to what had it.
  const openedFrom = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="dialog-content"
          onOpenAutoFocus={() => {
            const active = document.activeElement;
            openedFrom.current = active instanceof HTMLElement ? active : null;
          }}
          onCloseAutoFocus={(event) => {
            const from = openedFrom.current;
            if (from === null || !from.isConnected) return;
            event.preventDefault();
            from.focus();
          }}
          {...(description === undefined ? { 'aria-describedby': undefined } : {})}
        >
          <RadixDialog.Title>{title}</RadixDialog.Title>
          {description !== undefined && (
            <RadixDialog.Description className="muted">{description}</RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
