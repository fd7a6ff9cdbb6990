import type { RefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import './blank-guidance.css';

export interface BlankGuidanceProps {
  /** Whether the journey has any step at all (a template can only fill an empty one). */
  empty: boolean;
  onAddTrigger(anchor: HTMLElement): void;
  onStartFromTemplate(): void;
  addTriggerRef: RefObject<HTMLButtonElement | null>;
}

/**
 * Shown in the canvas while the journey has no trigger: where to begin, instead of an empty
 * grid and "1 error". It goes away once a trigger exists.
 */
export function BlankGuidance({
  empty,
  onAddTrigger,
  onStartFromTemplate,
  addTriggerRef,
}: BlankGuidanceProps) {
  const intl = useIntl();
  return (
    <section
      className="blank-guidance"
      aria-label={intl.formatMessage({ id: 'editor.blank-guidance.gettingStarted' })}
    >
      <p className="blank-guidance__hint">
        <FormattedMessage id="editor.blank-guidance.everyJourneyStartsWithATrigger" />
      </p>
      <div className="blank-guidance__actions">
        <button
          ref={addTriggerRef}
          type="button"
          className="btn btn-primary"
          onClick={(event) => onAddTrigger(event.currentTarget)}
        >
          <FormattedMessage id="editor.blank-guidance.addATrigger" />
        </button>
        {empty && (
          <button type="button" className="btn" onClick={onStartFromTemplate}>
            <FormattedMessage id="editor.blank-guidance.startFromATemplate" />
          </button>
        )}
      </div>
      <p className="blank-guidance__more muted">
        <FormattedMessage id="editor.blank-guidance.orDragAStepFromThePalette" />
      </p>
    </section>
  );
}
