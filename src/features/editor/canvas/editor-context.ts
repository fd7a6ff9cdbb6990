import { createContext, useContext } from 'react';
import type { EditorStore } from '../../../editor/index.ts';

/** Where a step chosen from the insert menu goes. */
export type InsertTarget =
  | { kind: 'connection'; connectionId: string; position: { x: number; y: number } }
  | { kind: 'branch'; stepId: string; branch: string; position: { x: number; y: number } }
  /** A trigger that starts the journey, placed at `position`. */
  | { kind: 'start'; position: { x: number; y: number } };

/**
 * What nodes and edges reach through context instead of through their `data`, so their data
 * stays plain and memoisation holds.
 */
export interface CanvasContextValue {
  store: EditorStore;
  /** Opens the insert menu next to `anchor` for a "+" button. */
  openInsertMenu(target: InsertTarget, anchor: HTMLElement | SVGElement): void;
  /** Shows a short message in the canvas status line (read out by screen readers). */
  announce(message: string): void;
}

export const CanvasContext = createContext<CanvasContextValue | null>(null);

/** The canvas context; throws outside a `JourneyCanvas`. */
export function useCanvasContext(): CanvasContextValue {
  const value = useContext(CanvasContext);
  if (value === null) throw new Error('useCanvasContext must be used inside JourneyCanvas');
  return value;
}
