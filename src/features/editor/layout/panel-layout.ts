import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod';

/** Bounds of each panel's size, in CSS pixels; a stored size outside them is clamped. */
export const PANEL_LIMITS = {
  paletteWidth: { min: 132, max: 360 },
  sideWidth: { min: 260, max: 640 },
  drawerHeight: { min: 160, max: 900 },
} as const;

export type PanelSize = keyof typeof PANEL_LIMITS;

/**
 * How the editor's panels are arranged, remembered per user on this device. The defaults leave
 * the canvas at least 60 % of a 1280 × 720 window with both side panels open.
 */
const layoutSchema = z.object({
  paletteOpen: z.boolean().catch(true),
  paletteWidth: z.number().finite().catch(152),
  sideOpen: z.boolean().catch(true),
  sideWidth: z.number().finite().catch(300),
  /** The simulation drawer: shown as a summary bar when collapsed. */
  drawerCollapsed: z.boolean().catch(false),
  drawerHeight: z.number().finite().catch(300),
});

export type PanelLayout = z.infer<typeof layoutSchema>;

export const DEFAULT_PANEL_LAYOUT: PanelLayout = layoutSchema.parse({});

const clamp = (value: number, { min, max }: { min: number; max: number }) =>
  Math.round(Math.min(max, Math.max(min, value)));

/** A stored value read back: anything unreadable falls back to its default, sizes are clamped. */
export function readPanelLayout(raw: string | null): PanelLayout {
  let parsed: unknown;
  try {
    parsed = raw === null ? {} : JSON.parse(raw);
  } catch {
    parsed = {};
  }
  const layout = layoutSchema.safeParse(parsed);
  const value = layout.success ? layout.data : DEFAULT_PANEL_LAYOUT;
  return {
    ...value,
    paletteWidth: clamp(value.paletteWidth, PANEL_LIMITS.paletteWidth),
    sideWidth: clamp(value.sideWidth, PANEL_LIMITS.sideWidth),
    drawerHeight: clamp(value.drawerHeight, PANEL_LIMITS.drawerHeight),
  };
}

export const PANEL_LAYOUT_KEY = 'wayfinder.editor-layout';

/** A small settings store over one localStorage key; other tabs' changes arrive by `storage`. */
export function createPanelLayoutStore(storage: Storage | undefined, key = PANEL_LAYOUT_KEY) {
  const listeners = new Set<() => void>();
  const read = () => {
    try {
      return readPanelLayout(storage?.getItem(key) ?? null);
    } catch {
      return DEFAULT_PANEL_LAYOUT; // storage refused (private mode): the defaults still work
    }
  };
  let current = read();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    get: () => current,
    update(change: Partial<PanelLayout>) {
      current = readPanelLayout(JSON.stringify({ ...current, ...change }));
      try {
        storage?.setItem(key, JSON.stringify(current));
      } catch {
        // Not remembered on this device, but the layout still changes for this page.
      }
      notify();
    },
    /** Takes a change made in another tab. */
    reload() {
      current = read();
      notify();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type PanelLayoutStore = ReturnType<typeof createPanelLayoutStore>;

let shared: PanelLayoutStore | undefined;
function sharedStore(): PanelLayoutStore {
  if (shared === undefined) {
    shared = createPanelLayoutStore(typeof window === 'undefined' ? undefined : localStorage);
    if (typeof window !== 'undefined')
      window.addEventListener('storage', (event) => {
        if (event.key === PANEL_LAYOUT_KEY) shared?.reload();
      });
  }
  return shared;
}

/** The editor's panel layout and a way to change it; remembered across visits. */
export function usePanelLayout(): [PanelLayout, (change: Partial<PanelLayout>) => void] {
  const store = sharedStore();
  const layout = useSyncExternalStore(store.subscribe, store.get, store.get);
  const update = useCallback((change: Partial<PanelLayout>) => store.update(change), [store]);
  return [layout, update];
}
