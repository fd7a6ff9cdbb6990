import type { KeyboardEvent, PointerEvent } from 'react';
import './resize-handle.css';

export interface ResizeHandleProps {
  /** What it resizes, e.g. "Resize the step palette". */
  label: string;
  value: number;
  min: number;
  max: number;
  /**
   * Which way growing goes: `right` for a panel on the left (drag right to widen), `left` for a
   * panel on the right, `up` for a drawer at the bottom.
   */
  grows: 'right' | 'left' | 'up';
  onChange(value: number): void;
}

const KEY_STEP = 16;

/**
 * A splitter between a panel and the canvas: drag it, or focus it and use the arrow keys
 * (Home and End for the smallest and largest size).
 */
export function ResizeHandle({ label, value, min, max, grows, onChange }: ResizeHandleProps) {
  const vertical = grows !== 'up';
  const set = (next: number) => onChange(Math.min(max, Math.max(min, Math.round(next))));
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const start = vertical ? event.clientX : event.clientY;
    const from = value;
    const move = (e: globalThis.PointerEvent) => {
      const moved = (vertical ? e.clientX : e.clientY) - start;
      set(grows === 'right' ? from + moved : from - moved);
    };
    const stop = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', stop);
      handle.removeEventListener('pointercancel', stop);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', stop);
    handle.addEventListener('pointercancel', stop);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const grow = { right: 'ArrowRight', left: 'ArrowLeft', up: 'ArrowUp' }[grows];
    const shrink = { right: 'ArrowLeft', left: 'ArrowRight', up: 'ArrowDown' }[grows];
    const next =
      event.key === grow
        ? value + KEY_STEP
        : event.key === shrink
          ? value - KEY_STEP
          : event.key === 'Home'
            ? min
            : event.key === 'End'
              ? max
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    set(next);
  };
  return (
    <div
      className={`resize-handle resize-handle--${vertical ? 'vertical' : 'horizontal'}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
