import { ReactFlow, type Edge, type Node, type ReactFlowInstance } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../src/app/global.css';
import { validate } from '../../../src/domain/index.ts';
import { createEditorStore } from '../../../src/editor/index.ts';
import {
  JourneyCanvas,
  type JourneyCanvasApi,
} from '../../../src/features/editor/canvas/journey-canvas.tsx';
import { benchJourney, gridPosition } from './bench-graph.ts';

/** What the runner reads and calls through `window.__bench`. */
export interface BenchPage {
  variant: string;
  nodes: number;
  /** ms from navigation start until every node the canvas has to show was drawn. */
  loadedAt?: number;
  /** Nodes mounted at that moment. */
  drawnNodes?: number;
  /** Pans at zoom 1 for `durationMs` and resolves with the frame times seen. */
  pan(durationMs: number): Promise<number[]>;
  /** Moves the view (for screenshots). */
  view(viewport: { x: number; y: number; zoom: number }): void;
}

declare global {
  interface Window {
    __bench: BenchPage;
  }
}

const params = new URLSearchParams(location.search);
const variant = params.get('variant') === 'plain' ? 'plain' : 'ours';
const n = Number(params.get('n') ?? '500');
let setViewport: ((v: { x: number; y: number; zoom: number }) => void) | undefined;

function panFrames(durationMs: number): Promise<number[]> {
  return new Promise((resolve) => {
    const frames: number[] = [];
    let start: number | undefined;
    let last: number | undefined;
    const tick = (now: number) => {
      start ??= now;
      if (last !== undefined) frames.push(now - last);
      last = now;
      const t = now - start;
      // Left and back at 600 px/s, at zoom 1, over the dense top-left of the grid.
      const x = -((t * 0.6) % 2400);
      setViewport?.({ x: x > -1200 ? x : -2400 - x, y: -100, zoom: 1 });
      if (t < durationMs) requestAnimationFrame(tick);
      else resolve(frames);
    };
    requestAnimationFrame(tick);
  });
}

window.__bench = { variant, nodes: n, pan: panFrames, view: (v) => setViewport?.(v) };

/**
 * The ids the page must show before it counts as drawn. Plain React Flow mounts every node; our
 * canvas mounts, from 150 steps, only the steps in view (a smaller box than any step is used,
 * so a step counts as in view only when it surely is), and only once the opening view is set.
 */
function expectedIds(): string[] | undefined {
  const all = Array.from({ length: n }, (_, i) => `s${i}`);
  if (variant === 'plain' || n < 150) return all;
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  const pane = document.querySelector<HTMLElement>('.react-flow');
  if (viewport === null || pane === null) return undefined;
  const { m41: x, m42: y, m11: zoom } = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
  if (x === 0 && y === 0 && zoom === 1) return undefined;
  const view = {
    left: -x / zoom,
    top: -y / zoom,
    width: pane.clientWidth / zoom,
    height: pane.clientHeight / zoom,
  };
  return all.filter((_, i) => {
    const p = gridPosition(i);
    return (
      p.x + 240 > view.left &&
      p.x < view.left + view.width &&
      p.y + 70 > view.top &&
      p.y < view.top + view.height
    );
  });
}

function watchDrawn(): void {
  const check = () => {
    const shown = new Set(
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
        .filter((el) => el.style.visibility !== 'hidden')
        .map((el) => el.dataset.id),
    );
    const expected = expectedIds();
    if (expected !== undefined && expected.length > 0 && expected.every((id) => shown.has(id))) {
      requestAnimationFrame(() => {
        window.__bench.loadedAt = performance.now();
        window.__bench.drawnNodes = shown.size;
      });
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

function Plain() {
  const nodes: Node[] = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    position: gridPosition(i),
    data: { label: `Node ${i}` },
  }));
  const edges: Edge[] = Array.from({ length: n - 1 }, (_, i) => ({
    id: `c${i}`,
    source: `s${i}`,
    target: `s${i + 1}`,
  }));
  const onInit = (instance: ReactFlowInstance) => {
    setViewport = (v) => void instance.setViewport(v);
  };
  return (
    <div style={{ width: '100%', height: '100%' }}>
      <ReactFlow defaultNodes={nodes} defaultEdges={edges} fitView minZoom={0.1} onInit={onInit} />
    </div>
  );
}

function Ours() {
  const [{ store, diagnostics }] = useState(() => {
    const journey = benchJourney(n);
    return { store: createEditorStore(journey), diagnostics: validate(journey) };
  });
  const api = useRef<JourneyCanvasApi | null>(null);
  setViewport = (v) => api.current?.setViewport(v);
  return (
    <JourneyCanvas
      store={store}
      diagnostics={diagnostics}
      showPalette={false}
      showMiniMap={params.get('minimap') !== '0'}
      apiRef={api}
    />
  );
}

const extraCss = params.get('css');
if (extraCss !== null) document.head.insertAdjacentHTML('beforeend', `<style>${extraCss}</style>`);
watchDrawn();
const root = document.getElementById('root');
if (root !== null) createRoot(root).render(variant === 'plain' ? <Plain /> : <Ours />);
