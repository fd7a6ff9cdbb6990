import { useCallback, type RefObject } from 'react';
import type { ReactFlowInstance } from '@xyflow/react';
import { useIntl } from 'react-intl';
import type { LayoutDirection } from '../../../domain/index.ts';
import { runAutoLayout, type EditorStore } from '../../../editor/index.ts';
import { refusalText } from '../refusal-text.ts';
import type { StepFlowNode } from './flow-types.ts';
import { readableView } from './readable-view.ts';
import type { MeasuredSizes } from './use-canvas-view.ts';

/** Lays the journey out (in `direction`, else its own) and then shows it readable. */
export function useAutoLayout(
  store: EditorStore,
  flow: ReactFlowInstance<StepFlowNode>,
  wrapperRef: RefObject<HTMLDivElement | null>,
  measured: MeasuredSizes,
  announce: (message: string) => void,
): (direction?: LayoutDirection) => void {
  const intl = useIntl();
  return useCallback(
    (direction?: LayoutDirection) => {
      // Steps never mounted (a large journey mounts only those in view) have estimated sizes.
      const sizes: Record<string, { width: number; height: number }> = {};
      for (const node of flow.getNodes()) {
        const size =
          measured.get(node.id) ??
          (node.initialWidth !== undefined && node.initialHeight !== undefined
            ? { width: node.initialWidth, height: node.initialHeight }
            : undefined);
        if (size !== undefined) sizes[node.id] = size;
      }
      void runAutoLayout(store, sizes, direction).then((result) => {
        if (!result.ok) announce(refusalText(intl, result));
        else
          window.requestAnimationFrame(
            () => void flow.setViewport(readableView(flow, wrapperRef.current), { duration: 250 }),
          );
      });
    },
    [store, announce, flow, intl, wrapperRef, measured],
  );
}
