import type { RefObject } from 'react';
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
  return (
    <section className="blank-guidance" aria-label="Getting started">
      <p className="blank-guidance__hint">
        Every journey starts with a trigger: the event, segment or date that brings a customer in.
      </p>
      <div className="blank-guidance__actions">
        <button
          ref={addTriggerRef}
          type="button"
          className="btn btn-primary"
          onClick={(event) => onAddTrigger(event.currentTarget)}
        >
          Add a trigger
        </button>
        {empty && (
          <button type="button" className="btn" onClick={onStartFromTemplate}>
            Start from a template
          </button>
        )}
      </div>
      <p className="blank-guidance__more muted">
        Or drag a step from the palette. Press ? for keyboard shortcuts.
      </p>
    </section>
  );
}
