import { useCallback, type RefObject } from 'react';
import type { ReactFlowInstance } from '@xyflow/react';
import type { EditorStore } from '../../../editor/index.ts';
import type { StepFlowNode } from './flow-types.ts';
import { INITIAL_VIEW, READABLE_ZOOM } from './initial-view.ts';
import { STEP_WIDTH } from './step-geometry.ts';
import { viewportShowing, type FitOptions } from './fit-steps.ts';
import { readableView } from './readable-view.ts';

/** Sizes React Flow measured, by step id. */
export type MeasuredSizes = Map<string, { width: number; height: number }>;

/** Where the canvas's view goes: centre, fit, follow a step, the readable view. */
export interface CanvasView {
  /** The flow position at the middle of the canvas. */
  viewCentre(): { x: number; y: number };
  /** Fits these steps (all when undefined) into the canvas. */
  showSteps(stepIds: readonly string[] | undefined, options: FitOptions): void;
  /** Pans (and zooms in to a readable zoom, if needed) only when a step is not wholly in view. */
  bringIntoView(stepIds: readonly string[]): void;
  /** Puts a step in the middle of the canvas, at a readable zoom (a step found by search). */
  centreOn(stepId: string): void;
  fitView(): void;
  /** Animates to the readable view of the journey as drawn now. */
  showReadable(): void;
}

/** The view moves the canvas makes, measured against its wrapper element. */
export function useCanvasView(
  flow: ReactFlowInstance<StepFlowNode>,
  store: EditorStore,
  wrapperRef: RefObject<HTMLDivElement | null>,
  measured: MeasuredSizes,
): CanvasView {
  const viewCentre = useCallback(() => {
    const rect = wrapperRef.current?.getBoundingClientRect();
    if (rect === undefined) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({
      x: rect.left + rect.width / 2,
      y: rect.top + rect.height / 2,
    });
  }, [flow, wrapperRef]);

  const showSteps = useCallback(
    (stepIds: readonly string[] | undefined, options: FitOptions) => {
      const ids = stepIds ?? flow.getNodes().map((n) => n.id);
      const rect = wrapperRef.current?.getBoundingClientRect();
      const viewport = viewportShowing(
        ids.length === 0 ? undefined : flow.getNodesBounds([...ids]),
        { width: rect?.width ?? 0, height: rect?.height ?? 0 },
        options,
      );
      if (viewport !== undefined) void flow.setViewport(viewport, { duration: 250 });
    },
    [flow, wrapperRef],
  );

  const bringIntoView = useCallback(
    (stepIds: readonly string[]) => {
      const rect = wrapperRef.current?.getBoundingClientRect();
      const steps = store.getState().document.steps.filter((s) => stepIds.includes(s.id));
      if (rect === undefined || steps.length === 0) return;
      const sizeOf = (id: string) => measured.get(id) ?? { width: STEP_WIDTH, height: 96 };
      const left = Math.min(...steps.map((s) => s.position.x));
      const top = Math.min(...steps.map((s) => s.position.y));
      const right = Math.max(...steps.map((s) => s.position.x + sizeOf(s.id).width));
      const bottom = Math.max(...steps.map((s) => s.position.y + sizeOf(s.id).height));
      const { x, y, zoom } = flow.getViewport();
      const margin = 24;
      const inView =
        left * zoom + x >= margin &&
        top * zoom + y >= margin &&
        right * zoom + x <= rect.width - margin &&
        bottom * zoom + y <= rect.height - margin;
      if (inView && zoom >= READABLE_ZOOM) return;
      void flow.setCenter((left + right) / 2, (top + bottom) / 2, {
        zoom: Math.max(zoom, READABLE_ZOOM),
        duration: 200,
      });
    },
    [flow, store, wrapperRef, measured],
  );

  const centreOn = useCallback(
    (stepId: string) => {
      const step = store.getState().document.steps.find((s) => s.id === stepId);
      if (step === undefined) return;
      const size = measured.get(stepId) ?? { width: STEP_WIDTH, height: 96 };
      void flow.setCenter(step.position.x + size.width / 2, step.position.y + size.height / 2, {
        zoom: Math.max(flow.getViewport().zoom, READABLE_ZOOM),
        duration: 250,
      });
    },
    [flow, store, measured],
  );

  // Every step, however small, between the toolbar and the minimap.
  const fitView = useCallback(
    () =>
      void flow.setViewport(
        readableView(flow, wrapperRef.current, { ...INITIAL_VIEW, minZoom: 0.1 }),
        { duration: 250 },
      ),
    [flow, wrapperRef],
  );

  const showReadable = useCallback(
    () => void flow.setViewport(readableView(flow, wrapperRef.current), { duration: 250 }),
    [flow, wrapperRef],
  );

  return { viewCentre, showSteps, bringIntoView, centreOn, fitView, showReadable };
}
