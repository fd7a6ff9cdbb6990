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

export interface InitialViewOptions {
  /** Below this, step text is too small to read; the view zooms no further out. */
  minZoom: number;
  /** A small journey is shown at this zoom at most rather than blown up. */
  maxZoom: number;
  /** Screen pixels kept free around the journey. */
  padding: number;
}

/** 0.8: 14 px step names are drawn 11.2 px tall, the smallest size read without squinting. */
export const INITIAL_VIEW: InitialViewOptions = { minZoom: 0.8, maxZoom: 1, padding: 48 };

function bounds(boxes: readonly ViewBox[]) {
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { left, top, right, bottom, width: right - left, height: bottom - top };
}

/**
 * The view a journey opens at: the whole journey when it fits at a readable zoom, centred;
 * otherwise the readable minimum zoom with the triggers (where reading starts) at the left
 * edge and vertically centred (at the top and horizontally centred for a journey drawn
 * downward), so the rest is reached by panning rather than squinting.
 */
export function initialViewport(
  screen: { width: number; height: number },
  boxes: readonly ViewBox[],
  options: InitialViewOptions = INITIAL_VIEW,
  direction: 'right' | 'down' = 'right',
): Viewport {
  if (boxes.length === 0 || screen.width <= 0 || screen.height <= 0) {
    return { x: options.padding, y: options.padding, zoom: options.maxZoom };
  }
  const all = bounds(boxes);
  const fit = Math.min(
    (screen.width - 2 * options.padding) / Math.max(all.width, 1),
    (screen.height - 2 * options.padding) / Math.max(all.height, 1),
  );
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, fit));
  if (fit >= options.minZoom) {
    return {
      x: screen.width / 2 - (all.left + all.width / 2) * zoom,
      y: screen.height / 2 - (all.top + all.height / 2) * zoom,
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
    return { x: centreX, y: options.padding - anchor.top * zoom, zoom };
  }
  // Triggers stacked taller than the screen: start at the top one rather than their middle.
  const centreY =
    anchor.height * zoom > screen.height - 2 * options.padding
      ? options.padding - anchor.top * zoom
      : screen.height / 2 - (anchor.top + anchor.height / 2) * zoom;
  return { x: options.padding - anchor.left * zoom, y: centreY, zoom };
}
