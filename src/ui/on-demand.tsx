import {
  lazy,
  Suspense,
  useEffect,
  useState,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';

/**
 * A component whose code is left out of a screen's first load: fetched the first time it is
 * drawn, or earlier by `prefetch` (when the browser is idle), and only once.
 */
export interface OnDemand<P extends object> {
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts the fetch now; a failed prefetch is simply tried again when the component is drawn. */
  prefetch(): Promise<unknown>;
}

export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): OnDemand<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetchOnce = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return {
    Component: lazy(() =>
      loaded === undefined
        ? fetchOnce().then((component) => ({ default: component }))
        : // Already fetched (prefetched when idle): a thenable that resolves at once lets React
          // draw the part in the same commit as the click that opened it, with no empty frame.
          resolvedAtOnce({ default: loaded }),
    ),
    prefetch: () => fetchOnce().catch(() => undefined),
  };
}

/** A thenable that calls back at once: React reads a settled lazy part in the same render. */
function resolvedAtOnce<T>(value: T): Promise<T> {
  const thenable = {
    then(onFulfilled: (value: T) => unknown) {
      onFulfilled(value);
      return thenable;
    },
  };
  return thenable as unknown as Promise<T>;
}

/** Runs `task` when the browser has nothing else to do; returns a cancel, for effects. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 3_000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 1_000);
  return () => clearTimeout(handle);
}

/** Prefetches an on-demand part once the screen that may need it is idle. */
export function usePrefetchWhenIdle(part: Pick<OnDemand<object>, 'prefetch'>): void {
  useEffect(() => whenIdle(() => void part.prefetch()), [part]);
}

/**
 * True from the first time `open` is true: a part loaded on demand stays mounted after it
 * closes, so it closes exactly as it would have had it been there from the start (focus given
 * back, exit handlers run).
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true); // adjusting state while rendering: no extra commit
  return opened || open;
}

/**
 * Draws its children (parts loaded on demand) from the first time `open` is true; nothing
 * before, so their code is not fetched for a screen that never opens them.
 */
export function DrawnOnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const opened = useOpenedOnce(open);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
