import * as RadixDialog from '@radix-ui/react-dialog';
import { useRef, type ReactNode } from 'react';
import { rememberFocus } from './focus-return.ts';

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
  // Radix gives focus back only to a Trigger, and these dialogs are opened by plain buttons and
  // menu items: without this, closing one left focus on the body.
  const giveFocusBack = useRef<() => boolean>(() => false);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className="dialog-content"
          onOpenAutoFocus={() => {
            giveFocusBack.current = rememberFocus();
          }}
          onCloseAutoFocus={(event) => {
            if (giveFocusBack.current()) event.preventDefault();
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
