import { RowActions } from './row-actions.tsx';
import { Link } from 'react-router';
import { TruncatedText } from '../../ui/truncated-text.tsx';
import { FormattedMessage, useIntl } from 'react-intl';
import { LIFECYCLE_STAGE_MESSAGES } from '../../i18n/domain-labels.ts';
import { dateFormat, formatLocale } from '../../i18n/format-locale.ts';
import type { JourneySummary } from './journey-filter.ts';

/** Where a journey stands against the execution backend (given by the app when publishing is on). */
export interface JourneyPublishState {
  version: number;
  unpublishedChanges: boolean;
}

function updatedLabel(iso: string): string {
  const relativeTime = new Intl.RelativeTimeFormat(formatLocale(), { numeric: 'auto' });
  const minutes = Math.round((Date.parse(iso) - Date.now()) / 60_000);
  if (Math.abs(minutes) < 60) return relativeTime.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relativeTime.format(hours, 'hour');
  return dateFormat({ dateStyle: 'medium' }).format(Date.parse(iso));
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
  const intl = useIntl();
  const untitled = intl.formatMessage({ id: 'journeys.untitled' });
  const label = j.name || untitled;
  const action = (key: string, name: string, onClick: () => void) => ({ key, name, onClick });
  return (
    <tr data-journey-id={j.id}>
      <td>
        <Link to={`/journeys/${j.id}`} className="journey-name">
          <TruncatedText text={j.name} fallback={untitled} />
        </Link>
        {j.description && <div className="muted journey-description">{j.description}</div>}
      </td>
      <td>
        <FormattedMessage {...LIFECYCLE_STAGE_MESSAGES[j.lifecycleStage]} />
      </td>
      <td>{intl.formatNumber(j.stepCount)}</td>
      <td>
        <ProblemBadges errors={j.errorCount} warnings={j.warningCount} />
      </td>
      {publishing && (
        <td>
          <PublishCell state={publishState} />
        </td>
      )}
      <td>
        <time className="journey-updated" dateTime={j.updatedAt}>
          {updatedLabel(j.updatedAt)}
        </time>
      </td>
      <td>
        <RowActions
          journey={label}
          actions={[
            action('rename', intl.formatMessage({ id: 'journeys.action.rename' }), onRename),
            action(
              'duplicate',
              intl.formatMessage({ id: 'journeys.action.duplicate' }),
              onDuplicate,
            ),
            action('export', intl.formatMessage({ id: 'journeys.action.export' }), onExport),
            action('delete', intl.formatMessage({ id: 'journeys.action.delete' }), onDelete),
          ]}
        />
      </td>
    </tr>
  );
}

function PublishCell({ state }: { state: JourneyPublishState | undefined }) {
  if (!state)
    return (
      <span className="muted">
        <FormattedMessage id="journeys.publish.draftOnly" />
      </span>
    );
  return (
    <span className="problem-badges">
      <span className="badge">
        <FormattedMessage id="journeys.publish.version" values={{ version: state.version }} />
      </span>
      {state.unpublishedChanges && (
        <span className="badge badge-warning">
          <FormattedMessage id="journeys.publish.unpublishedChanges" />
        </span>
      )}
    </span>
  );
}

function ProblemBadges({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors === 0 && warnings === 0)
    return (
      <span className="badge badge-ok">
        <FormattedMessage id="journeys.problems.ready" />
      </span>
    );
  return (
    <span className="problem-badges">
      {errors > 0 && (
        <span className="badge badge-error">
          <FormattedMessage id="journeys.problems.errors" values={{ count: errors }} />
        </span>
      )}
      {warnings > 0 && (
        <span className="badge badge-warning">
          <FormattedMessage id="journeys.problems.warnings" values={{ count: warnings }} />
        </span>
      )}
    </span>
  );
}
