import type {
  Connection as FlowConnection,
  Edge,
  EdgeChange,
  IsValidConnection,
  NodeChange,
  OnConnectEnd,
  ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useRef, type DragEvent } from 'react';
import { useIntl } from 'react-intl';
import { canConnect, isTriggerKind } from '../../../domain/index.ts';
import {
  freeBranches,
  parseClipboard,
  stepBranches,
  type AddStepArgs,
  type EditorStore,
  type Point,
} from '../../../editor/index.ts';
import { stepKindLabel } from '../../../i18n/step-words.ts';
import { refusalText } from '../refusal-text.ts';
import { KIND_MIME } from '../palette/palette-catalogue.ts';
import type { InsertTarget } from './editor-context.ts';
import type { JourneyFlowEdge, StepFlowNode } from './flow-types.ts';
import { HALF_STEP, placeAfter } from './placement.ts';

export interface FlowHandlerDeps {
  store: EditorStore;
  flow: ReactFlowInstance<StepFlowNode>;
  announce(message: string): void;
  /** Where measured step sizes are kept (for new node objects and auto-layout). */
  measured: Map<string, { width: number; height: number }>;
  viewCentre(): Point;
}

const DRAG = { record: 'settle', coalesceKey: 'drag', settleMs: Number.POSITIVE_INFINITY } as const;

/** A free spot near `p`: steps added at the same point are fanned out instead of stacked. */
function freeSpot(store: EditorStore, p: Point): Point {
  const taken = store.getState().document.steps.map((s) => s.position);
  const spot = { ...p };
  while (taken.some((t) => Math.abs(t.x - spot.x) < 24 && Math.abs(t.y - spot.y) < 24)) {
    spot.x += 32;
    spot.y += 32;
  }
  return spot;
}

/** The canvas's React Flow callbacks, all writing through store commands. */
export function useFlowHandlers({ store, flow, announce, measured, viewCentre }: FlowHandlerDeps) {
  const lastRefusal = useRef('');
  const intl = useIntl();

  const add = useCallback(
    (args: AddStepArgs) => {
      // A new step is named after its kind in the user's language; the name is theirs to change.
      const label = args.label ?? stepKindLabel(intl, args.kind);
      const result = store.dispatch('addStep', { ...args, label });
      announce(
        result.ok
          ? intl.formatMessage({ id: 'editor.announce.stepAdded' }, { label })
          : result.reason,
      );
    },
    [store, announce, intl],
  );

  const addKind = useCallback(
    (kind: string) => {
      const { document, selection } = store.getState();
      const only = selection.stepIds.length === 1 ? selection.stepIds[0] : undefined;
      const step = only === undefined ? undefined : document.steps.find((s) => s.id === only);
      const free =
        step === undefined || isTriggerKind(kind) ? undefined : freeBranches(document, step.id)[0];
      if (step !== undefined && free !== undefined) {
        const row = stepBranches(step).findIndex((b) => b.key === free.key);
        const position = freeSpot(store, placeAfter(step.position, row, document.layoutDirection));
        add({ kind, position, attachTo: { from: step.id, branch: free.key } });
        return;
      }
      const centre = viewCentre();
      add({
        kind,
        position: freeSpot(store, { x: centre.x - HALF_STEP.x, y: centre.y - HALF_STEP.y }),
      });
    },
    [store, add, viewCentre],
  );

  const insert = useCallback(
    (kind: string, target: InsertTarget) => {
      if (target.kind === 'connection')
        add({ kind, position: target.position, insertInto: target.connectionId });
      else if (target.kind === 'start') add({ kind, position: freeSpot(store, target.position) });
      else
        add({
          kind,
          position: freeSpot(store, target.position),
          attachTo: { from: target.stepId, branch: target.branch },
        });
    },
    [store, add],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StepFlowNode>[]) => {
      const positions: Record<string, Point> = {};
      let moved = false;
      let dropped = false;
      let selectionChanged = false;
      const selected = new Set(store.getState().selection.stepIds);
      for (const change of changes) {
        if (change.type === 'position' && change.position !== undefined) {
          positions[change.id] = change.position;
          moved = true;
          if (change.dragging === false) dropped = true;
        } else if (change.type === 'dimensions' && change.dimensions !== undefined) {
          measured.set(change.id, change.dimensions);
        } else if (change.type === 'select') {
          selectionChanged = true;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (moved) store.dispatch('moveSteps', { positions }, DRAG);
      if (dropped) store.settle();
      if (selectionChanged) {
        store.dispatch('setSelection', {
          stepIds: [...selected],
          connectionIds: store.getState().selection.connectionIds,
        });
      }
    },
    [store, measured],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<JourneyFlowEdge>[]) => {
      const selected = new Set(store.getState().selection.connectionIds);
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        changed = true;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
      if (changed) {
        store.dispatch('setSelection', {
          stepIds: store.getState().selection.stepIds,
          connectionIds: [...selected],
        });
      }
    },
    [store],
  );

  const onDragStop = useCallback(() => store.settle(), [store]);

  const onConnect = useCallback(
    (c: FlowConnection) => {
      const result = store.dispatch('connect', {
        from: c.source,
        branch: c.sourceHandle ?? '',
        to: c.target,
      });
      if (!result.ok) announce(refusalText(intl, result));
    },
    [store, announce, intl],
  );

  const isValidConnection: IsValidConnection<JourneyFlowEdge> = useCallback(
    (c: FlowConnection | Edge) => {
      const verdict = canConnect(
        store.getState().document,
        c.source,
        c.sourceHandle ?? '',
        c.target,
      );
      const reason = verdict.ok ? '' : refusalText(intl, verdict);
      if (reason !== '' && reason !== lastRefusal.current) announce(reason);
      lastRefusal.current = reason;
      return verdict.ok;
    },
    [store, announce, intl],
  );

  /** A drop on a step's body (a trigger has no input handle) still says why nothing happened. */
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, connection) => {
      if (
        connection.isValid === true ||
        connection.fromHandle === null ||
        connection.fromNode === null
      )
        return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (point === undefined) return;
      const under = window.document.elementFromPoint(point.clientX, point.clientY);
      const targetId = under?.closest('.react-flow__node')?.getAttribute('data-id');
      if (targetId === null || targetId === undefined) return;
      const verdict = canConnect(
        store.getState().document,
        connection.fromNode.id,
        connection.fromHandle.id ?? '',
        targetId,
      );
      if (!verdict.ok) announce(refusalText(intl, verdict));
    },
    [store, announce, intl],
  );

  const onClickConnectStart = useCallback(
    () => announce(intl.formatMessage({ id: 'editor.announce.chooseTarget' })),
    [announce, intl],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(KIND_MIME);
      if (kind === '') return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const position = { x: at.x - HALF_STEP.x, y: at.y - HALF_STEP.y };
      const edge =
        event.target instanceof Element ? event.target.closest('.react-flow__edge') : null;
      const connectionId = edge?.getAttribute('data-id') ?? undefined;
      add(
        connectionId !== undefined
          ? { kind, position, insertInto: connectionId }
          : { kind, position },
      );
    },
    [flow, add],
  );

  const pasteText = useCallback(
    (text: string) => {
      const content = parseClipboard(text);
      if ('error' in content) {
        announce(refusalText(intl, content));
        return;
      }
      const ids = new Set(store.getState().document.steps.map((s) => s.id));
      const local = content.steps.some((s) => ids.has(s.id));
      const result = store.dispatch(
        'paste',
        local ? { text } : { text, at: freeSpot(store, viewCentre()) },
      );
      announce(
        result.ok
          ? intl.formatMessage({ id: 'editor.announce.pasted' }, { count: content.steps.length })
          : result.reason,
      );
    },
    [store, announce, viewCentre, intl],
  );

  // The callbacks are memoised one by one; the object around them is read field by field and
  // never used as a dependency, so it needs no memo of its own.
  return {
    addKind,
    insert,
    onNodesChange,
    onEdgesChange,
    onDragStop,
    onConnect,
    onConnectEnd,
    onClickConnectStart,
    isValidConnection,
    onDragOver,
    onDrop,
    pasteText,
  };
}
