import { FormattedMessage, useIntl } from 'react-intl';
import { dateFormat } from '../../i18n/format-locale.ts';
import { loadProblemText } from '../../i18n/diagnostic-text.ts';
import { RowActions } from './row-actions.tsx';
import type { BrokenJourneySummary } from '../../storage/journey-documents.ts';

export interface BrokenJourneyRowProps {
  journey: BrokenJourneySummary;
  /** Columns of the table, so the problems can span those between name and actions. */
  columns: number;
  onView(): void;
  onExport(): void;
  onDelete(): void;
}

/** Problems shown on the row; the rest are in the stored JSON. */
const SHOWN_PROBLEMS = 3;

/** A stored journey that cannot be opened: its problems, and what can still be done with it. */
export function BrokenJourneyRow({
  journey,
  columns,
  onView,
  onExport,
  onDelete,
}: BrokenJourneyRowProps) {
  const intl = useIntl();
  const label = journey.name || journey.id || intl.formatMessage({ id: 'journeys.broken.unnamed' });
  const more = journey.problems.length - SHOWN_PROBLEMS;
  return (
    <tr className="journey-broken">
      <td>
        <span className="journey-name">{label}</span>
        <div>
          <span className="badge badge-error">
            <FormattedMessage id="journeys.broken.cannotOpen" />
          </span>
        </div>
      </td>
      <td colSpan={columns - 3}>
        <ul
          className="broken-problems"
          aria-label={intl.formatMessage({ id: 'journeys.broken.problemsOf' }, { journey: label })}
        >
          {journey.problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
            <li key={i}>{loadProblemText(intl, problem)}</li>
          ))}
          {more > 0 && (
            <li className="muted">
              <FormattedMessage id="journeys.broken.more" values={{ count: more }} />
            </li>
          )}
        </ul>
      </td>
      <td>
        {journey.updatedAt && (
          <time dateTime={journey.updatedAt}>
            {dateFormat({ dateStyle: 'medium' }).format(Date.parse(journey.updatedAt))}
          </time>
        )}
      </td>
      <td>
        <RowActions
          journey={label}
          actions={[
            {
              key: 'view',
              name: intl.formatMessage({ id: 'journeys.action.viewJson' }),
              label: intl.formatMessage({ id: 'journeys.action.viewJsonOf' }, { journey: label }),
              onClick: onView,
            },
            {
              key: 'export',
              name: intl.formatMessage({ id: 'journeys.action.export' }),
              onClick: onExport,
            },
            {
              key: 'delete',
              name: intl.formatMessage({ id: 'journeys.action.delete' }),
              onClick: onDelete,
            },
          ]}
        />
      </td>
    </tr>
  );
}
