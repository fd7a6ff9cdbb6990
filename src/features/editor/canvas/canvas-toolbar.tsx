import { Panel } from '@xyflow/react';
import type { EditorStore } from '../../../editor/index.ts';
import { useHistoryStatus } from './use-editor-selector.ts';

export interface CanvasToolbarProps {
  store: EditorStore;
  onAutoLayout(): void;
  onFitView(): void;
  onShowShortcuts(): void;
}

/** Undo, redo, auto-layout, fit view and the shortcuts overlay. */
export function CanvasToolbar({
  store,
  onAutoLayout,
  onFitView,
  onShowShortcuts,
}: CanvasToolbarProps) {
  const history = useHistoryStatus(store);
  return (
    <Panel position="top-left" className="canvas-toolbar" role="toolbar" aria-label="Canvas tools">
      <button
        type="button"
        className="btn btn-sm"
        disabled={!history.canUndo}
        onClick={() => store.undo()}
        title={history.undoLabel !== undefined ? `Undo ${history.undoLabel.toLowerCase()}` : 'Undo'}
      >
        Undo
      </button>
      <button
        type="button"
        className="btn btn-sm"
        disabled={!history.canRedo}
        onClick={() => store.redo()}
        title={history.redoLabel !== undefined ? `Redo ${history.redoLabel.toLowerCase()}` : 'Redo'}
      >
        Redo
      </button>
      <button type="button" className="btn btn-sm" onClick={onAutoLayout}>
        Auto-layout
      </button>
      <button type="button" className="btn btn-sm" onClick={onFitView}>
        Fit view
      </button>
      <button
        type="button"
        className="btn btn-sm"
        onClick={onShowShortcuts}
        aria-label="Keyboard shortcuts"
      >
        ?
      </button>
    </Panel>
  );
}
