/** A step's box in flow coordinates, and whether it starts the journey. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
  trigger: boolean;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The canvas's size on screen, and the bands at its top and bottom that the view's own
 * controls cover (the toolbar above, the minimap and zoom buttons below): steps are placed
 * between them.
 */
export interface ViewScreen {
  width: number;
  height: number;
  coveredTop?: number;
  coveredBottom?: number;
}

export interface InitialViewOptions {
  /**
   * The view zooms out this far to show the whole journey; a journey too large for that opens
   * at this zoom from its triggers. Below 0.75 steps take their compact form (a 30 px name,
   * the icon, the count), still read at 0.3.
   */
  minZoom: number;
  /** A small journey is shown at this zoom at most rather than blown up. */
  maxZoom: number;
  /** Screen pixels kept free around the journey. */
  padding: number;
}

/** The whole journey in view when opened, as Braze Canvas and Journey Builder open theirs. */
export const INITIAL_VIEW: InitialViewOptions = { minZoom: 0.3, maxZoom: 1, padding: 24 };

/** 0.8: 14 px step names are drawn 11.2 px tall, the smallest size read without squinting. */
export const READABLE_ZOOM = 0.8;

function bounds(boxes: readonly ViewBox[]) {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { left, top, right, bottom, width: right - left, height: bottom - top };
}

/**
 * The view a journey opens at: the whole journey, fitted and centred between the canvas's
 * controls, when it fits at `minZoom` or more; otherwise `minZoom` with the triggers (where
 * reading starts) at the left edge and vertically centred (at the top and horizontally centred
 * for a journey drawn downward), so the rest is reached by panning.
 */
export function initialViewport(
  screen: ViewScreen,
  boxes: readonly ViewBox[],
  options: InitialViewOptions = INITIAL_VIEW,
  direction: 'right' | 'down' = 'right',
): Viewport {
  const top = screen.coveredTop ?? 0;
  const height = screen.height - top - (screen.coveredBottom ?? 0);
  if (boxes.length === 0 || screen.width <= 0 || height <= 0) {
    return { x: options.padding, y: top + options.padding, zoom: options.maxZoom };
  }
  const all = bounds(boxes);
  const fit = Math.min(
    (screen.width - 2 * options.padding) / Math.max(all.width, 1),
    (height - 2 * options.padding) / Math.max(all.height, 1),
  );
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, fit));
  const middle = top + height / 2;
  if (fit >= options.minZoom) {
    return {
      x: screen.width / 2 - (all.left + all.width / 2) * zoom,
      y: middle - (all.top + all.height / 2) * zoom,
      zoom,
    };
  }
  const triggers = boxes.filter((b) => b.trigger);
  const anchor = bounds(triggers.length > 0 ? triggers : boxes);
  if (direction === 'down') {
    const centreX =
      anchor.width * zoom > screen.width - 2 * options.padding
        ? options.padding - anchor.left * zoom
        : screen.width / 2 - (anchor.left + anchor.width / 2) * zoom;
    return { x: centreX, y: top + options.padding - anchor.top * zoom, zoom };
  }
  // Triggers stacked taller than the screen: start at the top one rather than their middle.
  const centreY =
    anchor.height * zoom > height - 2 * options.padding
      ? top + options.padding - anchor.top * zoom
      : middle - (anchor.top + anchor.height / 2) * zoom;
  return { x: options.padding - anchor.left * zoom, y: centreY, zoom };
}
