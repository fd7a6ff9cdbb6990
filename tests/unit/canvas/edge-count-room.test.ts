import { Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { countPillWidth, countRoom } from '../../../src/features/editor/canvas/edge-count-room';
import { STEP_WIDTH } from '../../../src/features/editor/canvas/step-geometry';

const across = { sourceX: 100, sourceY: 50, targetX: 166, targetY: 80 };
const down = {
  sourceX: 0,
  sourceY: 100,
  targetX: 0,
  targetY: 200,
  sourcePosition: Position.Bottom,
};

describe('An arrow count’s room between two steps', () => {
  it('is the gap an arrow leaving a step’s side crosses, for the pill’s width', () => {
    expect(countRoom({ ...across, sourcePosition: Position.Right }, '4,079')).toEqual({
      room: 66,
      extent: countPillWidth('4,079'),
    });
  });

  it('is none for an arrow drawn backwards along its row, over the steps it passes', () => {
    const backwards = { ...across, targetX: 20, targetY: 50, sourcePosition: Position.Right };
    expect(countRoom(backwards, '12').room).toBeLessThanOrEqual(0);
  });

  it('is the half gap between the rows for an arrow back to a step on another row', () => {
    const loop = { sourceX: 400, sourceY: 300, targetX: 100, targetY: 100 };
    expect(countRoom({ ...loop, sourcePosition: Position.Right }, '12')).toEqual({
      room: 100 - 14,
      extent: countRoom(down, '0').extent,
    });
  });

  it('is the half gap between the rows for a step placed below its source, same column', () => {
    const below = { sourceX: 280, sourceY: 100, targetX: 0, targetY: 260 };
    const { room, extent } = countRoom({ ...below, sourcePosition: Position.Right }, '4,079');
    expect(room).toBe(80 - 14);
    expect(extent).toBe(countRoom(down, '4,079').extent);
  });

  it('is the gap between the columns for a step placed beside its source (top to bottom)', () => {
    const beside = { sourceX: 0, sourceY: 100, targetX: 400, targetY: 20 };
    expect(countRoom({ ...beside, sourcePosition: Position.Bottom }, '4,079')).toEqual({
      room: 400 - STEP_WIDTH,
      extent: countPillWidth('4,079'),
    });
    const touching = { ...beside, targetX: STEP_WIDTH };
    expect(countRoom({ ...touching, sourcePosition: Position.Bottom }, '12').room).toBe(0);
  });

  it('is the half gap above the midpoint, less the lift, for an arrow leaving a step’s bottom', () => {
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
