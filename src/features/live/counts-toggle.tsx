import { useId } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';

/** What the canvas shows: the simulation's counts, the executor's, or both side by side. */
export type CountsView = 'simulated' | 'actual' | 'both';

const VIEWS: readonly CountsView[] = ['simulated', 'actual', 'both'];
const LABELS = defineMessages({
  simulated: { id: 'live.view.simulated' },
  actual: { id: 'live.view.actual' },
  both: { id: 'live.view.both' },
});

/** A radio group (one tab stop, arrows move) choosing the counts the canvas shows. */
export function CountsToggle({
  value,
  onChange,
}: {
  value: CountsView;
  onChange: (view: CountsView) => void;
}) {
  const intl = useIntl();
  const name = useId();
  return (
    <fieldset className="live-toggle">
      <legend className="live-toggle__legend">
        <FormattedMessage id="live.view.legend" />
      </legend>
      {VIEWS.map((view) => (
        <label key={view} className={`live-toggle__option${value === view ? ' is-on' : ''}`}>
          <input
            type="radio"
            name={name}
            value={view}
            checked={value === view}
            onChange={() => onChange(view)}
          />
          {intl.formatMessage(LABELS[view])}
        </label>
      ))}
    </fieldset>
  );
}
