import { useId, useState, type DragEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { StepIcon } from '../canvas/step-icon.tsx';
import { PANEL_LIMITS, usePanelLayout } from '../layout/panel-layout.ts';
import { ResizeHandle } from '../layout/resize-handle.tsx';
import { KIND_MIME, paletteGroups } from './palette-catalogue.ts';
import './palette.css';

export interface PaletteProps {
  /** Adds a step of the kind (Enter or a click on an item). */
  onAdd(kind: string): void;
}

/** The id the canvas toolbar's palette toggle controls. */
export const PALETTE_ID = 'step-palette';

/**
 * The step palette: every kind grouped by category, searchable, one line per kind (icon and
 * name; the description shows on hover and focus and is searched too). Drag an item onto the
 * canvas, or press Enter on it to add it without a mouse. It can be hidden and resized; both are
 * remembered.
 */
export function Palette({ onAdd }: PaletteProps) {
  const [layout, setLayout] = usePanelLayout();
  const [query, setQuery] = useState('');
  const baseId = useId();
  const intl = useIntl();
  const groups = paletteGroups(query, intl);
  if (!layout.paletteOpen) return null;
  const startDrag = (event: DragEvent<HTMLButtonElement>, kind: string) => {
    event.dataTransfer.setData(KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <>
      <nav
        id={PALETTE_ID}
        className="palette"
        aria-label={intl.formatMessage({ id: 'editor.palette.stepPalette' })}
        style={{ width: layout.paletteWidth }}
      >
        <div className="palette__top">
          <button
            type="button"
            className="panel-toggle"
            aria-label={intl.formatMessage({ id: 'editor.palette.hideTheStepPalette' })}
            title={intl.formatMessage({ id: 'editor.palette.hideTheStepPaletteShortcut' })}
            aria-expanded="true"
            aria-controls={PALETTE_ID}
            onClick={() => setLayout({ paletteOpen: false })}
          >
            «
          </button>
          <input
            type="search"
            className="palette__search"
            placeholder={intl.formatMessage({ id: 'editor.palette.search' })}
            aria-label={intl.formatMessage({ id: 'editor.palette.searchSteps' })}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        {groups.length === 0 && (
          <p className="palette__empty muted">
            <FormattedMessage id="editor.palette.noStepMatches" values={{ query }} />
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
              <h2 id={headingId} className="palette__heading">
                {group.label}
              </h2>
              <ul className="palette__list">
                {group.items.map(({ definition, label, description }) => {
                  const descriptionId = `${baseId}-${definition.kind}-description`;
                  return (
                    <li key={definition.kind} className="palette__entry">
                      <button
                        type="button"
                        className="palette__item"
                        draggable
                        aria-describedby={descriptionId}
                        onDragStart={(event) => startDrag(event, definition.kind)}
                        onClick={() => onAdd(definition.kind)}
                      >
                        <span className="palette__icon" aria-hidden="true">
                          <StepIcon name={definition.icon} />
                        </span>
                        <span className="palette__label">{label}</span>
                      </button>
                      {/* A tooltip drawn by CSS on hover and focus: no tooltip library on the first load. */}
                      <span id={descriptionId} className="palette__description" role="tooltip">
                        {description}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </nav>
      <ResizeHandle
        label={intl.formatMessage({ id: 'editor.palette.resizeTheStepPalette' })}
        value={layout.paletteWidth}
        {...PANEL_LIMITS.paletteWidth}
        grows="right"
        onChange={(paletteWidth) => setLayout({ paletteWidth })}
      />
    </>
  );
}
