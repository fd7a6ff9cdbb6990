import type { MouseEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

export interface SkipLinksProps {
  onInspector(): void;
  onProblems(): void;
}

/** The first thing to work on in the canvas: the getting-started actions, else the first step. */
function focusCanvas() {
  const canvas = document.getElementById('journey-canvas');
  const target =
    canvas?.querySelector<HTMLElement>('.blank-guidance button') ??
    canvas?.querySelector<HTMLElement>('.react-flow__node') ??
    canvas;
  target?.focus();
}

/** Links, shown when focused, that jump past the header to the canvas, settings or problems. */
export function SkipLinks({ onInspector, onProblems }: SkipLinksProps) {
  const intl = useIntl();
  const run = (action: () => void) => (event: MouseEvent) => {
    event.preventDefault();
    action();
  };
  return (
    <nav
      className="editor-skip-links"
      aria-label={intl.formatMessage({ id: 'editor.skip-links.skipTo' })}
    >
      <a className="skip-link" href="#journey-canvas" onClick={run(focusCanvas)}>
        <FormattedMessage id="editor.skip-links.skipToTheCanvas" />
      </a>
      <a className="skip-link" href="#editor-side-content" onClick={run(onInspector)}>
        <FormattedMessage id="editor.skip-links.skipToTheSettings" />
      </a>
      <a className="skip-link" href="#editor-side-content" onClick={run(onProblems)}>
        <FormattedMessage id="editor.skip-links.skipToTheProblems" />
      </a>
    </nav>
  );
}
