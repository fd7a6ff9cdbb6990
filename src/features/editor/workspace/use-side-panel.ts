import { useCallback, useRef, useState, type RefObject } from 'react';
import type { EditorStore } from '../../../editor/index.ts';
import type { JourneyCanvasApi } from '../canvas/journey-canvas.tsx';
import { fieldControl, ID_BASE_ATTRIBUTE } from '../../../ui/schema-form/field-control.ts';
import { isStepElement } from '../canvas/follow-new-steps.ts';
import { focusFirstIn, type FocusFirstOptions } from '../layout/focus-first.ts';
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
  selectProblem(
    stepId: string | undefined,
    field?: string,
    fieldKeys?: readonly (string | number)[],
  ): void;
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
  const cancelPendingFocus = useRef<() => void>(undefined);
  /**
   * Opens the side panel on a tab, then focuses what `pick` finds there once it is drawn; a
   * newer request replaces the one still waiting (its part's code may take long to arrive).
   */
  const showInSide = useCallback(
    (
      next: SidePanelTab,
      pick: (content: HTMLElement) => HTMLElement | null,
      options?: FocusFirstOptions,
    ) => {
      setLayout({ sideOpen: true });
      setTab(next);
      cancelPendingFocus.current?.();
      cancelPendingFocus.current = focusFirstIn(contentRef, pick, options);
    },
    [setLayout],
  );

  const editStep = useCallback(() => showInSide('inspector', firstField), [showInSide]);
  const showProblems = useCallback(
    () => showInSide('problems', (content) => content.querySelector('button')),
    [showInSide],
  );
  const selectProblem = useCallback(
    (stepId: string | undefined, _field?: string, fieldKeys?: readonly (string | number)[]) => {
      if (stepId === undefined) store.dispatch('clearSelection');
      else canvasApi.current?.focusStep(stepId);
      // Focus goes to the field with the problem, else the step, never back to the page. The
      // panel may still show the step selected before for a frame or two: wait for this one's.
      const pick = (content: HTMLElement) => {
        const panel = [
          ...content.querySelectorAll<HTMLElement>('[data-step-id], [data-journey-settings]'),
        ].find((p) =>
          stepId === undefined ? p.dataset['stepId'] === undefined : p.dataset['stepId'] === stepId,
        );
        if (panel === undefined) return null;
        const form = panel.matches(`[${ID_BASE_ATTRIBUTE}]`)
          ? panel
          : panel.querySelector<HTMLElement>(`[${ID_BASE_ATTRIBUTE}]`);
        const control =
          form === null || fieldKeys === undefined ? null : fieldControl(form, fieldKeys);
        return control ?? panel.querySelector('[aria-invalid="true"]');
      };
      showInSide('inspector', pick, {
        isCallersMove: (focused) => stepId !== undefined && isStepElement(focused, stepId),
      });
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
