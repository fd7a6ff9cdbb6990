import type { CSSProperties } from 'react';

/** Places one row of a virtualised list at its offset. */
export function virtualRowStyle(start: number, height: number): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height,
    transform: `translateY(${start}px)`,
  };
}
