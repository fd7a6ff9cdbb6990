import type { ReactNode } from 'react';
import { dateFormat } from '../../i18n/format-locale.ts';
import { FormattedMessage, useIntl } from 'react-intl';
import { apiErrorText } from './api-error-words.ts';
import { useBackendSettings } from '../../api/backend-settings.ts';
import { useJourneyStatus } from '../../api/get-status.ts';
import { displayName } from '../../domain/text/safe-text.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { BackendCheck } from './backend-check.tsx';
import { ChangeSummary } from './change-summary.tsx';
import {
  PublishFailure,
  PublishProgress,
  PublishSuccess,
  PublishWarnings,
} from './publish-outcome.tsx';
import { StopJourney } from './stop-journey.tsx';
import { useOnline } from './use-online.ts';
import { usePublishFlow, type PublishFlowOptions } from './use-publish-flow.ts';
import type { VersionComparison } from './version-comparison.ts';
import { VersionsList } from './versions-list.tsx';
import './publish.css';

export interface PublishDialogProps extends PublishFlowOptions {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Shows a comparison of two versions on the canvas (the dialog closes). */
  onCompare?: (comparison: VersionComparison) => void;
  /** Selects a step on the canvas (the dialog closes), from a problem the backend found on it. */
  onShowStep?: (stepId: string) => void;
}

function PublishDialogBody({
  onCompare,
  onShowStep,
  ...props
}: PublishFlowOptions & {
  onClose: () => void;
  onCompare?: ((comparison: VersionComparison) => void) | undefined;
  onShowStep?: ((stepId: string) => void) | undefined;
}) {
  const intl = useIntl();
  const flow = usePublishFlow(props);
  const online = useOnline();
  const { timeoutSeconds } = useBackendSettings();
  const { versions, latestDetail, mutation, draft, diff } = flow;
  // A failed refetch keeps the data it had: only a load with nothing to show is an error here.
  const loadError =
    (versions.data === undefined ? versions.error : null) ??
    (flow.latest !== undefined && latestDetail.data === undefined ? latestDetail.error : null);
  const busy = mutation.isPending;
  // A stopped journey starts again with a new version, even one that changes nothing.
  const stopped =
    useJourneyStatus(props.document.id, flow.latest !== undefined).data?.state === 'stopped';
  const done = mutation.isSuccess;
  const stepLinks = {
    steps: props.document.steps,
    onShowStep:
      onShowStep &&
      ((stepId: string) => {
        props.onClose();
        onShowStep(stepId);
      }),
  };

  return (
    <>
      {loadError !== null && (
        <div role="alert" className="publish-notice publish-notice--error">
          <p>{apiErrorText(intl, loadError)}</p>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => void (versions.error ? versions.refetch() : latestDetail.refetch())}
          >
            <FormattedMessage id="publish.publish-dialog.retry" />
          </button>
        </div>
      )}
      {loadError === null && diff === null && (
        <p role="status">
          <FormattedMessage id="publish.publish-dialog.loadingVersions" />
        </p>
      )}
      {versions.data !== undefined && (
        <VersionsList
          versions={versions.data}
          draftChanged={!flow.unchanged}
          {...(onCompare === undefined
            ? {}
            : {
                compare: {
                  document: props.document,
                  onCompare: (comparison: VersionComparison) => {
                    props.onClose();
                    onCompare(comparison);
                  },
                },
              })}
        />
      )}
      {versions.data !== undefined && versions.data.length > 0 && (
        <StopJourney journeyId={props.document.id} journeyName={props.document.name} />
      )}
      {!done && diff !== null && <ChangeSummary diff={diff} since={flow.latest?.version ?? null} />}
      {!done && draft !== null && (
        <p>
          <FormattedMessage
            id="publish.publish-dialog.newSpecHash"
            values={{
              hash: draft.specHash,
              code: (chunks: ReactNode[]) => (
                <code
                  aria-label={intl.formatMessage({ id: 'publish.publish-dialog.newSpecHash2' })}
                >
                  {chunks}
                </code>
              ),
            }}
          />
        </p>
      )}
      {!done && draft !== null && (
        <BackendCheck spec={draft.spec} disabled={busy || !online} {...stepLinks} />
      )}
      {!online && (
        <div role="alert" className="publish-notice publish-notice--error">
          <FormattedMessage id="publish.publish-dialog.youAreOfflineNothingIs" />
        </div>
      )}
      {!done && !busy && flow.pending !== undefined && (
        <div role="status" className="publish-notice">
          <p>
            <FormattedMessage
              id="publish.publish-dialog.pendingHasNoAnswerYet"
              values={{
                version: flow.pending.version,
                startedDay: dateFormat({ dateStyle: 'medium' }).format(
                  Date.parse(flow.pending.startedAt),
                ),
                startedTime: dateFormat({ timeStyle: 'short' }).format(
                  Date.parse(flow.pending.startedAt),
                ),
              }}
            />
          </p>
          <button type="button" className="btn btn-sm" onClick={flow.abandon}>
            <FormattedMessage id="publish.publish-dialog.abandonIt" />
          </button>
        </div>
      )}
      {busy && <PublishProgress attempt={flow.attempt} />}
      {mutation.data !== undefined && <PublishSuccess published={mutation.data} />}
      {mutation.data !== undefined && <PublishWarnings warnings={flow.warnings} {...stepLinks} />}
      {mutation.isError && (
        <PublishFailure
          error={mutation.error}
          onRetry={flow.publish}
          offline={!online}
          {...stepLinks}
        />
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={props.onClose}>
          {done ? (
            <FormattedMessage id="publish.spec-document-dialog.close" />
          ) : (
            <FormattedMessage id="common.cancel" />
          )}
        </button>
        {!done && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !online || diff === null || (flow.unchanged && !stopped)}
            onClick={flow.publish}
          >
            <FormattedMessage
              id="publish.publish-dialog.publishVersionN"
              values={{ version: flow.nextVersion }}
            />
          </button>
        )}
      </div>
      <p className="field-hint">
        <FormattedMessage
          id="publish.publish-dialog.requestsStopAfter"
          values={{ seconds: timeoutSeconds }}
        />
      </p>
    </>
  );
}

/** Shows what changed since the last published version, then publishes on confirmation. */
export function PublishDialog({ open, onOpenChange, ...flow }: PublishDialogProps) {
  const intl = useIntl();
  const { baseUrl } = useBackendSettings();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={intl.formatMessage(
        { id: 'publish.publish-dialog.title' },
        { journey: displayName(flow.document.name) },
      )}
      description={
        <>
          <FormattedMessage
            id="publish.publish-dialog.toTheBackendAt"
            values={{ url: baseUrl, code: (chunks: ReactNode[]) => <code>{chunks}</code> }}
          />
        </>
      }
    >
      {open && <PublishDialogBody {...flow} onClose={() => onOpenChange(false)} />}
    </Dialog>
  );
}
