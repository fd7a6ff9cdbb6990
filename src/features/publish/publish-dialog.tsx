import { describeApiError } from '../../api/api-errors.ts';
import { useBackendSettings } from '../../api/backend-settings.ts';
import { displayName } from '../../domain/text/safe-text.ts';
import { Dialog } from '../../ui/dialog.tsx';
import { ChangeSummary } from './change-summary.tsx';
import { PublishFailure, PublishProgress, PublishSuccess } from './publish-outcome.tsx';
import { useOnline } from './use-online.ts';
import { usePublishFlow, type PublishFlowOptions } from './use-publish-flow.ts';
import { VersionsList } from './versions-list.tsx';
import './publish.css';

export interface PublishDialogProps extends PublishFlowOptions {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

function PublishDialogBody(props: PublishFlowOptions & { onClose: () => void }) {
  const flow = usePublishFlow(props);
  const online = useOnline();
  const { timeoutSeconds } = useBackendSettings();
  const { versions, latestDetail, mutation, draft, diff } = flow;
  // A failed refetch keeps the data it had: only a load with nothing to show is an error here.
  const loadError =
    (versions.data === undefined ? versions.error : null) ??
    (flow.latest !== undefined && latestDetail.data === undefined ? latestDetail.error : null);
  const busy = mutation.isPending;
  const done = mutation.isSuccess;

  return (
    <>
      {loadError !== null && (
        <div role="alert" className="publish-notice publish-notice--error">
          <p>{describeApiError(loadError)}</p>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => void (versions.error ? versions.refetch() : latestDetail.refetch())}
          >
            Retry
          </button>
        </div>
      )}
      {loadError === null && diff === null && <p role="status">Loading versions…</p>}
      {versions.data !== undefined && (
        <VersionsList versions={versions.data} draftChanged={!flow.unchanged} />
      )}
      {!done && diff !== null && <ChangeSummary diff={diff} since={flow.latest?.version ?? null} />}
      {!done && draft !== null && (
        <p>
          New spec hash: <code aria-label="New spec hash">{draft.specHash}</code>
        </p>
      )}
      {!online && (
        <div role="alert" className="publish-notice publish-notice--error">
          You are offline. Nothing is sent until you are back online and press Publish.
        </div>
      )}
      {!done && !busy && flow.pending !== undefined && (
        <div role="status" className="publish-notice">
          <p>
            A publish of version {flow.pending.version} started{' '}
            {new Date(flow.pending.startedAt).toLocaleString()} has no answer yet. Publishing again
            sends the same request key, so the backend cannot create it twice.
          </p>
          <button type="button" className="btn btn-sm" onClick={flow.abandon}>
            Abandon it
          </button>
        </div>
      )}
      {busy && <PublishProgress attempt={flow.attempt} />}
      {mutation.data !== undefined && <PublishSuccess published={mutation.data} />}
      {mutation.isError && (
        <PublishFailure
          error={mutation.error}
          spec={draft?.spec}
          onRetry={flow.publish}
          offline={!online}
        />
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={props.onClose}>
          {done ? 'Close' : 'Cancel'}
        </button>
        {!done && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !online || diff === null || flow.unchanged}
            onClick={flow.publish}
          >
            Publish version {flow.nextVersion}
          </button>
        )}
      </div>
      <p className="field-hint">
        Requests stop with a message after {timeoutSeconds} s without an answer (Backend settings).
      </p>
    </>
  );
}

/** Shows what changed since the last published version, then publishes on confirmation. */
export function PublishDialog({ open, onOpenChange, ...flow }: PublishDialogProps) {
  const { baseUrl } = useBackendSettings();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Publish “${displayName(flow.document.name)}”`}
      description={
        <>
          To the execution backend at <code>{baseUrl}</code>. Profiles already inside the journey
          stay on the version they entered with.
        </>
      }
    >
      {open && <PublishDialogBody {...flow} onClose={() => onOpenChange(false)} />}
    </Dialog>
  );
}
