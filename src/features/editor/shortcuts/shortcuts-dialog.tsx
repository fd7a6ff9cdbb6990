import { FormattedMessage, useIntl } from 'react-intl';
import * as Dialog from '@radix-ui/react-dialog';
import { SHORTCUTS, formatShortcut, isMacPlatform } from '../../../editor/index.ts';
import { commandHelp } from '../command-words.ts';
import './shortcuts-dialog.css';

export interface ShortcutsDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
}

/** The keyboard shortcuts overlay, opened with `?`. */
export function ShortcutsDialog({ open, onOpenChange }: ShortcutsDialogProps) {
  const intl = useIntl();
  const mac = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content shortcuts-dialog">
          <Dialog.Title>
            <FormattedMessage id="editor.shortcuts-dialog.keyboardShortcuts" />
          </Dialog.Title>
          <Dialog.Description className="muted">
            <FormattedMessage id="editor.shortcuts-dialog.theyWorkWhileTheCanvas" />
          </Dialog.Description>
          <table className="shortcuts-dialog__table">
            <tbody>
              {SHORTCUTS.map((s) => (
                <tr key={s.action}>
                  <td>{commandHelp(intl, s.action)}</td>
                  <td>
                    {s.keys.map((k) => (
                      <kbd key={k}>
                        {formatShortcut(k, mac, intl.formatMessage({ id: 'editor.key.shift' }))}
                      </kbd>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="dialog-actions">
            <Dialog.Close className="btn btn-primary">
              <FormattedMessage id="editor.shortcuts-dialog.close" />
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
