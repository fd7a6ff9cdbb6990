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
  const label = journey.name || journey.id || 'Unnamed journey';
  const more = journey.problems.length - SHOWN_PROBLEMS;
  return (
    <tr className="journey-broken">
      <td>
        <span className="journey-name">{label}</span>
        <div>
          <span className="badge badge-error">Cannot be opened</span>
        </div>
      </td>
      <td colSpan={columns - 3}>
        <ul className="broken-problems" aria-label={`Problems of ${label}`}>
          {journey.problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
          {more > 0 && <li className="muted">and {more} more</li>}
        </ul>
      </td>
      <td>
        {journey.updatedAt && (
          <time dateTime={journey.updatedAt}>
            {new Date(journey.updatedAt).toLocaleDateString()}
          </time>
        )}
      </td>
      <td>
        <RowActions
          journey={label}
          actions={[
            { name: 'View JSON', label: `View JSON of ${label}`, onClick: onView },
            { name: 'Export', onClick: onExport },
            { name: 'Delete', onClick: onDelete },
          ]}
        />
      </td>
    </tr>
  );
}
