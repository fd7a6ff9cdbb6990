import { useIntl } from 'react-intl';

/** One action of a journey row: its button text and what it does. */
export interface RowAction {
  /** Stable key of the action. */
  key: string;
  /** The button's text, in the user's language. */
  name: string;
  /** The accessible name, when "<name> <journey>" does not read well ("View JSON of …"). */
  label?: string;
  onClick(): void;
}

/** A journey row's action buttons, each named with the journey for screen readers. */
export function RowActions({ journey, actions }: { journey: string; actions: RowAction[] }) {
  const intl = useIntl();
  return (
    <div className="row-actions">
      {actions.map((action) => (
        <button
          key={action.key}
          type="button"
          className="btn btn-sm"
          aria-label={
            action.label ??
            intl.formatMessage({ id: 'journeys.row.actionLabel' }, { action: action.name, journey })
          }
          onClick={action.onClick}
        >
          {action.name}
        </button>
      ))}
    </div>
  );
}
