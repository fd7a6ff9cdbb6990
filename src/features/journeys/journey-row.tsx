import { RowActions } from './row-actions.tsx';
import { Link } from 'react-router';
import { TruncatedText } from '../../ui/truncated-text.tsx';
import { LIFECYCLE_STAGE_LABELS } from '../../domain/index.ts';
import type { JourneySummary } from './journey-filter.ts';

/** Where a journey stands against the execution backend (given by the app when publishing is on). */
export interface JourneyPublishState {
  version: number;
  unpublishedChanges: boolean;
}

const relativeTime = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function updatedLabel(iso: string): string {
  const minutes = Math.round((Date.parse(iso) - Date.now()) / 60_000);
  if (Math.abs(minutes) < 60) return relativeTime.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relativeTime.format(hours, 'hour');
  return new Date(iso).toLocaleDateString();
}

export interface JourneyRowProps {
  journey: JourneySummary;
  /** Whether the list has a Published column. */
  publishing: boolean;
  publishState: JourneyPublishState | undefined;
  onRename(): void;
  onDuplicate(): void;
  onExport(): void;
  onDelete(): void;
}

/** One readable journey in the list: its summary and actions. */
export function JourneyRow({
  journey: j,
  publishing,
  publishState,
  onRename,
  onDuplicate,
  onExport,
  onDelete,
}: JourneyRowProps) {
  const label = j.name || 'Untitled journey';
  return (
    <tr data-journey-id={j.id}>
      <td>
        <Link to={`/journeys/${j.id}`} className="journey-name">
          <TruncatedText text={j.name} fallback="Untitled journey" />
        </Link>
        {j.description && <div className="muted journey-description">{j.description}</div>}
      </td>
      <td>{LIFECYCLE_STAGE_LABELS[j.lifecycleStage]}</td>
      <td>{j.stepCount}</td>
      <td>
        <ProblemBadges errors={j.errorCount} warnings={j.warningCount} />
      </td>
      {publishing && (
        <td>
          <PublishCell state={publishState} />
        </td>
      )}
      <td>
        <time dateTime={j.updatedAt}>{updatedLabel(j.updatedAt)}</time>
      </td>
      <td>
        <RowActions
          journey={label}
          actions={[
            { name: 'Rename', onClick: onRename },
            { name: 'Duplicate', onClick: onDuplicate },
            { name: 'Export', onClick: onExport },
            { name: 'Delete', onClick: onDelete },
          ]}
        />
      </td>
    </tr>
  );
}

function PublishCell({ state }: { state: JourneyPublishState | undefined }) {
  if (!state) return <span className="muted">Draft only</span>;
  return (
    <span className="problem-badges">
      <span className="badge">v{state.version}</span>
      {state.unpublishedChanges && <span className="badge badge-warning">Unpublished changes</span>}
    </span>
  );
}

function ProblemBadges({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors === 0 && warnings === 0) return <span className="badge badge-ok">Ready</span>;
  return (
    <span className="problem-badges">
      {errors > 0 && (
        <span className="badge badge-error">
          {errors} {errors === 1 ? 'error' : 'errors'}
        </span>
      )}
      {warnings > 0 && (
        <span className="badge badge-warning">
          {warnings} {warnings === 1 ? 'warning' : 'warnings'}
        </span>
      )}
    </span>
  );
}
