import { FormattedMessage } from 'react-intl';
import type { ReactNode } from 'react';
import type { DialogProps } from './dialog-frame.tsx';
import { DrawnOnceOpened, onDemand, usePrefetchWhenIdle } from './on-demand.tsx';

export type { DialogProps };

/** What a dialog's owner passes to open and close it. */
export type DialogOpenProps = Pick<DialogProps, 'open' | 'onOpenChange'>;

const frame = onDemand(() => import('./dialog-frame.tsx').then((module) => module.DialogFrame));

/**
 * An accessible modal dialog: focus trapped, Escape closes, title announced. Its code (Radix)
 * is fetched when a screen that has a dialog is idle, or when the dialog first opens.
 */
export function Dialog(props: DialogProps) {
  usePrefetchWhenIdle(frame);
  return (
    <DrawnOnceOpened open={props.open}>
      <frame.Component {...props} />
    </DrawnOnceOpened>
  );
}

interface ConfirmDialogProps extends DialogOpenProps {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
}

/** Asks before something that cannot be undone. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, onOpenChange, title, description, confirmLabel, danger, onConfirm } = props;
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description}>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => onOpenChange(false)}>
          <FormattedMessage id="common.cancel" />
        </button>
        <button
          type="button"
          className={danger ? 'btn btn-danger' : 'btn btn-primary'}
          onClick={() => {
            onConfirm();
            onOpenChange(false);
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
