import { describe, expect, it } from 'vitest';
import {
  INITIAL_VIEW,
  initialViewport,
  READABLE_ZOOM,
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

  it('zooms out to show the whole journey, the demo journeys included, down to the floor', () => {
    // Eight steps in a row: 2,480 flow pixels, wider than any demo journey (2,340).
    const boxes = [box(0, 0, true), ...Array.from({ length: 7 }, (_, i) => box(320 * (i + 1), 0))];
    const view = initialViewport(SCREEN, boxes);
    expect(view.zoom).toBeGreaterThanOrEqual(INITIAL_VIEW.minZoom);
    expect(view.zoom).toBeLessThan(READABLE_ZOOM);
    expect(onScreen(view, { x: 0, y: 0 }).x).toBeGreaterThanOrEqual(INITIAL_VIEW.padding - 0.5);
    expect(onScreen(view, { x: 2480, y: 0 }).x).toBeLessThanOrEqual(
      800 - INITIAL_VIEW.padding + 0.5,
    );
  });

  it('places the journey between the toolbar above and the minimap below, never under them', () => {
    const tall = [box(0, 0, true), box(0, 400), box(0, 800)];
    const screen = { ...SCREEN, coveredTop: 60, coveredBottom: 140 };
    const view = initialViewport(screen, tall, INITIAL_VIEW, 'down');
    expect(onScreen(view, { x: 0, y: 0 }).y).toBeGreaterThanOrEqual(
      60 + INITIAL_VIEW.padding - 0.5,
    );
    expect(onScreen(view, { x: 0, y: 880 }).y).toBeLessThanOrEqual(
      600 - 140 - INITIAL_VIEW.padding + 0.5,
    );
  });

  it('stops at the floor on a journey too large to show whole; the triggers start the view', () => {
    const boxes = [
      box(0, 400, true),
      ...Array.from({ length: 40 }, (_, i) => box(320 * (i + 1), 0)),
    ];
    const view = initialViewport(SCREEN, boxes);
    expect(view.zoom).toBe(INITIAL_VIEW.minZoom);
    const trigger = onScreen(view, { x: 0, y: 440 });
    expect(trigger.x).toBeCloseTo(INITIAL_VIEW.padding);
    expect(trigger.y).toBeCloseTo(300);
  });

  it('uses the default view for an empty journey or an unmeasured screen', () => {
    expect(initialViewport(SCREEN, [])).toEqual({ x: 24, y: 24, zoom: 1 });
    expect(initialViewport({ width: 0, height: 0 }, [box(0, 0, true)]).zoom).toBe(1);
  });
});
