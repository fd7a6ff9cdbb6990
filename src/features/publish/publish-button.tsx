import { FormattedMessage, useIntl } from 'react-intl';
import { useId, useRef, useState } from 'react';
import type { PublishedVersion } from '../../api/contract.ts';
import { hasErrors, type Diagnostic, type JourneyDocument } from '../../domain/index.ts';
import { PublishDialog } from './publish-dialog.tsx';
import type { VersionComparison } from './version-comparison.ts';

export interface PublishButtonProps {
  document: JourneyDocument;
  /** The editor's diagnostics: any error refuses publishing. */
  diagnostics: readonly Diagnostic[];
  /**
   * What the backend found, as diagnostics on their steps: the errors it refused a publish for
   * (422), or the warnings it accepted one with.
   */
  onBackendDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /** Selects a step on the canvas, from a problem the backend found on it. */
  onShowStep?: (stepId: string) => void;
  onPublished?: (version: PublishedVersion) => void;
  /** Compares two versions on the canvas; `returnFocus` puts focus back when it ends. */
  onCompare?: (comparison: VersionComparison, returnFocus: () => void) => void;
}

/** "Publish": refused while the journey has errors (the reason shown), else opens the dialog. */
export function PublishButton({
  document,
  diagnostics,
  onBackendDiagnostics,
  onShowStep,
  onPublished,
  onCompare,
}: PublishButtonProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const reasonId = useId();
  const intl = useIntl();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const blocked = hasErrors(diagnostics);
  const reason = intl.formatMessage({ id: 'publish.publish-button.fixErrors' }, { errors });
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-primary"
        disabled={blocked}
        title={blocked ? reason : undefined}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={() => setOpen(true)}
      >
        <FormattedMessage id="publish.publish-button.publish" />
      </button>
      {blocked && (
        <span id={reasonId} className="publish-blocked">
          {reason}
        </span>
      )}
      <PublishDialog
        open={open}
        onOpenChange={setOpen}
        document={document}
        {...(onBackendDiagnostics === undefined ? {} : { onBackendDiagnostics })}
        {...(onShowStep === undefined ? {} : { onShowStep })}
        {...(onPublished === undefined ? {} : { onPublished })}
        {...(onCompare === undefined
          ? {}
          : {
              onCompare: (comparison: VersionComparison) =>
                onCompare(comparison, () => buttonRef.current?.focus()),
            })}
      />
    </>
  );
}
