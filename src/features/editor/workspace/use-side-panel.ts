import { useCallback, useRef, useState, type RefObject } from 'react';
import type { EditorStore } from '../../../editor/index.ts';
import type { JourneyCanvasApi } from '../canvas/journey-canvas.tsx';
import { focusFirstIn } from '../layout/focus-first.ts';
import { usePanelLayout } from '../layout/panel-layout.ts';

export type SidePanelTab = 'inspector' | 'problems';

export interface SidePanelControl {
  tab: SidePanelTab;
  setTab(tab: SidePanelTab): void;
  /** The panel's content, where focus goes when it opens. */
  contentRef: RefObject<HTMLDivElement | null>;
  /** Opens the panel on the selected step's first field (Enter on a step, the skip link). */
  editStep(): void;
  /** Opens the panel on the problems list, focused on its first problem. */
  showProblems(): void;
  /** A problem chosen in the list: its step selected and in view, focus on the field at fault. */
  selectProblem(stepId: string | undefined): void;
}

const firstField = (content: HTMLElement) =>
  content.querySelector<HTMLElement>('input, textarea, select');

/** Which tab of the side panel shows, and the moves that open it with focus inside. */
export function useSidePanel(
  store: EditorStore,
  canvasApi: RefObject<JourneyCanvasApi | null>,
): SidePanelControl {
  const [tab, setTab] = useState<SidePanelTab>('inspector');
  const [, setLayout] = usePanelLayout();
  const contentRef = useRef<HTMLDivElement>(null);
  /** Opens the side panel on a tab, then focuses what `pick` finds there once it is drawn. */
  const showInSide = useCallback(
    (next: SidePanelTab, pick: (content: HTMLElement) => HTMLElement | null) => {
      setLayout({ sideOpen: true });
      setTab(next);
      focusFirstIn(contentRef, pick);
    },
    [setLayout],
  );

  const editStep = useCallback(() => showInSide('inspector', firstField), [showInSide]);
  const showProblems = useCallback(
    () => showInSide('problems', (content) => content.querySelector('button')),
    [showInSide],
  );
  const selectProblem = useCallback(
    (stepId: string | undefined) => {
      if (stepId === undefined) store.dispatch('clearSelection');
      else canvasApi.current?.focusStep(stepId);
      // Focus goes to the field with the problem, else the step, never back to the page.
      showInSide('inspector', (content) => content.querySelector('[aria-invalid="true"]'));
      if (stepId !== undefined)
        requestAnimationFrame(() => {
          if (!contentRef.current?.contains(window.document.activeElement))
            canvasApi.current?.focusStepElement(stepId);
        });
    },
    [store, canvasApi, showInSide],
  );

  return { tab, setTab, contentRef, editStep, showProblems, selectProblem };
}
