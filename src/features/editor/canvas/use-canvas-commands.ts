import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useIntl } from 'react-intl';
import type { LayoutDirection } from '../../../domain/index.ts';
import { neighbourStep, type EditorStore } from '../../../editor/index.ts';
import { usePanelLayout } from '../layout/panel-layout.ts';
import { createCommandRunner, type CanvasCommandHost, type RunCommand } from './command-runner.ts';
import { focusStepWhenMounted } from './follow-new-steps.ts';

/** What the canvas lends the registered commands it runs. */
export interface CanvasCommandDeps {
  store: EditorStore;
  wrapperRef: RefObject<HTMLDivElement | null>;
  announce(message: string): void;
  showHelp(): void;
  autoLayout(direction?: LayoutDirection): void;
  fitView(): void;
  findStep(): void;
  paste(text: string): void;
  addStepAfter(): boolean;
  bringIntoView(stepIds: readonly string[]): void;
}

/**
 * The command runner shared by the toolbar and the keyboard: made once per store, it reads the
 * canvas's latest callbacks through a host refreshed after every render.
 */
export function useCanvasCommands(deps: CanvasCommandDeps): RunCommand {
  const { store } = deps;
  const intl = useIntl();
  const [layout, setLayout] = usePanelLayout();
  const host = useRef<CanvasCommandHost | null>(null);
  useEffect(() => {
    const { wrapperRef, announce, bringIntoView } = deps;
    /** Arrow keys: along the arrows to the neighbouring step, focused and selected. */
    const goToStep = (arrow: { dx: number; dy: number }): boolean => {
      const state = store.getState();
      const focused = window.document.activeElement?.closest('.react-flow__node');
      const from =
        focused?.getAttribute('data-id') ??
        (state.selection.stepIds.length === 1 ? state.selection.stepIds[0] : undefined);
      const next = neighbourStep(state.document, from ?? undefined, arrow);
      if (next === undefined || next === from) return false;
      store.dispatch('setSelection', { stepIds: [next] });
      bringIntoView([next]);
      focusStepWhenMounted(wrapperRef, next);
      return true;
    };
    host.current = {
      showHelp: deps.showHelp,
      autoLayout: () => deps.autoLayout(),
      layout: (direction) => deps.autoLayout(direction),
      fitView: deps.fitView,
      findStep: deps.findStep,
      paste: deps.paste,
      announceClipboard: (action) =>
        announce(
          action === 'cut'
            ? intl.formatMessage({ id: 'editor.announce.cut' })
            : intl.formatMessage({ id: 'editor.announce.copied' }),
        ),
      addStepAfter: deps.addStepAfter,
      goToStep,
      togglePalette: () => setLayout({ paletteOpen: !layout.paletteOpen }),
      toggleSidePanel: () => setLayout({ sideOpen: !layout.sideOpen }),
    };
  });
  return useMemo(
    () => createCommandRunner(store, () => host.current as CanvasCommandHost),
    [store],
  );
}
