import type { MouseEvent } from 'react';

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
  const run = (action: () => void) => (event: MouseEvent) => {
    event.preventDefault();
    action();
  };
  return (
    <nav className="editor-skip-links" aria-label="Skip to">
      <a className="skip-link" href="#journey-canvas" onClick={run(focusCanvas)}>
        Skip to the canvas
      </a>
      <a className="skip-link" href="#editor-side-content" onClick={run(onInspector)}>
        Skip to the settings
      </a>
      <a className="skip-link" href="#editor-side-content" onClick={run(onProblems)}>
        Skip to the problems
      </a>
    </nav>
  );
}
