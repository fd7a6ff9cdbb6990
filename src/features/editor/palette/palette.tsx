import { FormattedMessage, useIntl } from 'react-intl';
import { useId, useState, type DragEvent } from 'react';
import { StepIcon } from '../canvas/step-icon.tsx';
import { KIND_MIME, paletteGroups } from './palette-catalogue.ts';
import './palette.css';

export interface PaletteProps {
  /** Adds a step of the kind (Enter or a click on an item). */
  onAdd(kind: string): void;
}

/**
 * The step palette: every kind grouped by category, searchable. Drag an item onto the canvas,
 * or press Enter on it to add it without a mouse.
 */
export function Palette({ onAdd }: PaletteProps) {
  const intl = useIntl();
  const [query, setQuery] = useState('');
  const groups = paletteGroups(query);
  const baseId = useId();
  const startDrag = (event: DragEvent<HTMLButtonElement>, kind: string) => {
    event.dataTransfer.setData(KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label={intl.formatMessage({ id: 'editor.palette.stepPalette' })}>
      <input
        type="search"
        className="palette__search"
        placeholder={intl.formatMessage({ id: 'editor.palette.searchSteps' })}
        aria-label={intl.formatMessage({ id: 'editor.palette.searchSteps' })}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {groups.length === 0 && (
        <p className="palette__empty muted">
          <FormattedMessage id="editor.palette.noStepMatches" />
          {query}”.
        </p>
      )}
      {groups.map((group) => {
        const headingId = `${baseId}-${group.category}`;
        return (
          <section
            key={group.category}
            className={`palette__group palette__group--${group.category}`}
            aria-labelledby={headingId}
          >
            <h3 id={headingId} className="palette__heading">
              {group.label}
            </h3>
            <ul className="palette__list">
              {group.items.map((definition) => {
                const descriptionId = `${baseId}-${definition.kind}-description`;
                return (
                  <li key={definition.kind}>
                    <button
                      type="button"
                      className="palette__item"
                      draggable
                      aria-label={definition.label}
                      aria-describedby={descriptionId}
                      onDragStart={(event) => startDrag(event, definition.kind)}
                      onClick={() => onAdd(definition.kind)}
                    >
                      <span className="palette__icon">
                        <StepIcon name={definition.icon} />
                      </span>
                      <span className="palette__text">
                        <span className="palette__label">{definition.label}</span>
                        <span id={descriptionId} className="palette__description">
                          {definition.description}
                        </span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
