import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { countPillWidth, countRoom } from '../../../src/features/editor/canvas/edge-count-room';

const across = { sourceX: 100, sourceY: 50, targetX: 166, targetY: 80 };

describe('An arrow count’s room between two steps', () => {
  it('is the gap an arrow leaving a step’s side crosses, for the pill’s width', () => {
    expect(countRoom({ ...across, sourcePosition: Position.Right }, '4,079')).toEqual({
      room: 66,
      extent: countPillWidth('4,079'),
    });
  });

  it('is none for an arrow drawn backwards, over the steps it passes', () => {
    const backwards = { ...across, targetX: 20, sourcePosition: Position.Right };
    expect(countRoom(backwards, '12').room).toBeLessThanOrEqual(0);
  });

  it('is the half gap above the midpoint, less the lift, for an arrow leaving a step’s bottom', () => {
    const down = {
      sourceX: 0,
      sourceY: 100,
      targetX: 0,
      targetY: 200,
      sourcePosition: Position.Bottom,
    };
    const { room, extent } = countRoom(down, '1,234,567');
    expect(room).toBe(50 - 14);
    // Across a gap between rows it is the pill's height that must fit, however long the number.
    expect(extent).toBe(countRoom(down, '0').extent);
  });

  it('gives a longer number a wider pill, at least as wide as drawn in DejaVu Sans', () => {
    expect(countPillWidth('0')).toBeGreaterThanOrEqual(22);
    expect(countPillWidth('4,079')).toBeGreaterThanOrEqual(52);
    expect(countPillWidth('1,234,567')).toBeGreaterThanOrEqual(82);
  });
});
