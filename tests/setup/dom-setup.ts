/**
 * Stand-ins jsdom lacks, without which React Flow 12 throws or silently renders nothing
 * (see ../shared/STACK.md). Import first in a component test that runs under
 * `// @vitest-environment jsdom`.
 */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

afterEach(() => cleanup());

// How long findBy* and waitFor wait. Testing Library's default second is too short on a loaded
// two-core CI machine, where fake IndexedDB, MSW and React's scheduler all take turns: a
// generous limit costs nothing when the awaited thing appears and only delays the report of a
// real failure. Keep it well under the test timeout (vite.config.ts) so that failure names the
// element it waited for.
configure({ asyncUtilTimeout: 15_000 });

class ResizeObserverStandIn {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback(
      [{ target, contentRect: target.getBoundingClientRect() } as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    );
  }
  unobserve() {}
  disconnect() {}
}

class DOMMatrixReadOnlyStandIn {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

class DragEventStandIn extends MouseEvent {
  dataTransfer: DataTransfer | null;
  constructor(type: string, init: DragEventInit = {}) {
    super(type, init);
    this.dataTransfer = init.dataTransfer ?? null;
  }
}

if (typeof window !== 'undefined') {
  globalThis.ResizeObserver ??= ResizeObserverStandIn as unknown as typeof ResizeObserver;
  Object.assign(globalThis, { DOMMatrixReadOnly: DOMMatrixReadOnlyStandIn });
  globalThis.DragEvent ??= DragEventStandIn as unknown as typeof DragEvent;
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: { configurable: true, get: () => 80 },
    offsetWidth: { configurable: true, get: () => 220 },
  });
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
    ({ x: 0, y: 0, width: 40, height: 16 }) as DOMRect;
}
