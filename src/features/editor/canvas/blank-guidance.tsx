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
 * grid and "1 error". It goes away once a trigger exists. In an empty journey it is a card in
 * the middle; once steps exist it is a bar under the canvas toolbar, because new steps land in
 * the middle of the view and a card there would hide them.
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
      className={empty ? 'blank-guidance' : 'blank-guidance blank-guidance--bar'}
      aria-label={intl.formatMessage({ id: 'editor.blank-guidance.gettingStarted' })}
    >
      <p className="blank-guidance__hint">
        {empty ? (
          <FormattedMessage id="editor.blank-guidance.everyJourneyStartsWithATrigger" />
        ) : (
          <FormattedMessage id="editor.blank-guidance.noTriggerYet" />
        )}
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
      {empty && (
        <p className="blank-guidance__more muted">
          <FormattedMessage id="editor.blank-guidance.orDragAStepFromThePalette" />
        </p>
      )}
    </section>
  );
}
