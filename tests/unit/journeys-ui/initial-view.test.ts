import { describe, expect, it } from 'vitest';
import {
  INITIAL_VIEW,
  initialViewport,
  type ViewBox,
} from '../../../src/features/editor/canvas/initial-view.ts';

const SCREEN = { width: 800, height: 600 };
const box = (x: number, y: number, trigger = false): ViewBox => ({
  x,
  y,
  width: 240,
  height: 80,
  trigger,
});
/** Where a flow point lands on screen. */
const onScreen = (v: { x: number; y: number; zoom: number }, p: { x: number; y: number }) => ({
  x: v.x + p.x * v.zoom,
  y: v.y + p.y * v.zoom,
});

describe('initialViewport', () => {
  it('shows a small journey at zoom 1 at most, centred', () => {
    const view = initialViewport(SCREEN, [box(0, 0, true), box(320, 0)]);
    expect(view.zoom).toBe(1);
    const middle = onScreen(view, { x: 280, y: 40 });
    expect(middle.x).toBeCloseTo(400);
    expect(middle.y).toBeCloseTo(300);
  });

  it('zooms out to fit a journey that fits at a readable zoom', () => {
    const boxes = [box(0, 0, true), box(320, 0), box(640, 0)];
    const view = initialViewport(SCREEN, boxes);
    expect(view.zoom).toBeGreaterThanOrEqual(INITIAL_VIEW.minZoom);
    expect(view.zoom).toBeLessThan(1);
    expect(onScreen(view, { x: 0, y: 0 }).x).toBeGreaterThanOrEqual(INITIAL_VIEW.padding - 0.5);
    expect(onScreen(view, { x: 880, y: 0 }).x).toBeLessThanOrEqual(
      800 - INITIAL_VIEW.padding + 0.5,
    );
  });

  it('never goes below the readable zoom on a wide journey; the triggers start the view', () => {
    const boxes = [
      box(0, 400, true),
      ...Array.from({ length: 12 }, (_, i) => box(320 * (i + 1), 0)),
    ];
    const view = initialViewport(SCREEN, boxes);
    expect(view.zoom).toBe(INITIAL_VIEW.minZoom);
    const trigger = onScreen(view, { x: 0, y: 440 });
    expect(trigger.x).toBeCloseTo(INITIAL_VIEW.padding);
    expect(trigger.y).toBeCloseTo(300);
  });

  it('uses the default view for an empty journey or an unmeasured screen', () => {
    expect(initialViewport(SCREEN, [])).toEqual({ x: 48, y: 48, zoom: 1 });
    expect(initialViewport({ width: 0, height: 0 }, [box(0, 0, true)]).zoom).toBe(1);
  });
});
