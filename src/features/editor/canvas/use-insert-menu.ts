import { useCallback, useMemo, useState, type RefObject } from 'react';
import { useIntl } from 'react-intl';
import { isTriggerKind } from '../../../domain/index.ts';
import { freeBranches, stepBranches, type EditorStore } from '../../../editor/index.ts';
import type { InsertTarget } from './editor-context.ts';
import { stepElement } from './follow-new-steps.ts';
import type { InsertMenuRequest } from './insert-menu.tsx';
import { HALF_STEP, placeAfter } from './placement.ts';

/** The insert menu's request (null while closed) and the ways to open it. */
export interface InsertMenuControl {
  menu: InsertMenuRequest | null;
  closeMenu(): void;
  /** Opens the menu next to `anchor`, for a step going to `target` (a "+" button). */
  openInsertMenu(target: InsertTarget, anchor: HTMLElement | SVGElement): void;
  /** Opens the trigger menu, for a trigger placed in the middle of the view. */
  openTriggerMenu(anchor: HTMLElement): void;
  /** "A": the insert menu after the selected step, or the trigger menu on a journey without one. */
  addStepAfter(): boolean;
}

interface InsertMenuDeps {
  store: EditorStore;
  wrapperRef: RefObject<HTMLDivElement | null>;
  /** The blank journey's "add a trigger" button, the trigger menu's anchor when there is one. */
  addTriggerRef: RefObject<HTMLButtonElement | null>;
  viewCentre(): { x: number; y: number };
  announce(message: string): void;
}

const anchorBox = (anchor: Element) => {
  const r = anchor.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
};

/** Where the insert menu opens and for which target: "+" buttons, the trigger menu and "A". */
export function useInsertMenu({
  store,
  wrapperRef,
  addTriggerRef,
  viewCentre,
  announce,
}: InsertMenuDeps): InsertMenuControl {
  const intl = useIntl();
  const [menu, setMenu] = useState<InsertMenuRequest | null>(null);

  const openInsertMenu = useCallback(
    (target: InsertTarget, anchor: HTMLElement | SVGElement) =>
      setMenu({ target, anchor: anchorBox(anchor), returnFocus: anchor }),
    [],
  );

  const openTriggerMenu = useCallback(
    (anchor: HTMLElement) => {
      const centre = viewCentre();
      openInsertMenu(
        { kind: 'start', position: { x: centre.x - HALF_STEP.x, y: centre.y - HALF_STEP.y } },
        anchor,
      );
    },
    [viewCentre, openInsertMenu],
  );

  const addStepAfter = useCallback((): boolean => {
    const state = store.getState();
    const wrapper = wrapperRef.current;
    if (wrapper === null) return false;
    if (!state.document.steps.some((s) => isTriggerKind(s.kind))) {
      openTriggerMenu(addTriggerRef.current ?? wrapper);
      return true;
    }
    const stepId = state.selection.stepIds.length === 1 ? state.selection.stepIds[0] : undefined;
    const step = state.document.steps.find((s) => s.id === stepId);
    if (step === undefined) {
      announce(intl.formatMessage({ id: 'editor.announce.selectAStepFirst' }));
      return true;
    }
    const free = freeBranches(state.document, step.id)[0];
    if (free === undefined) {
      announce(intl.formatMessage({ id: 'editor.announce.noFreeBranch' }, { label: step.label }));
      return true;
    }
    const index = stepBranches(step).findIndex((b) => b.key === free.key);
    openInsertMenu(
      {
        kind: 'branch',
        stepId: step.id,
        branch: free.key,
        position: placeAfter(step.position, index, state.document.layoutDirection),
      },
      stepElement(wrapper, step.id) ?? wrapper,
    );
    return true;
  }, [store, wrapperRef, addTriggerRef, openTriggerMenu, openInsertMenu, announce, intl]);

  const closeMenu = useCallback(() => setMenu(null), []);
  return useMemo(
    () => ({ menu, closeMenu, openInsertMenu, openTriggerMenu, addStepAfter }),
    [menu, closeMenu, openInsertMenu, openTriggerMenu, addStepAfter],
  );
}
