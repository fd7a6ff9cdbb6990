import { describe, expect, it } from 'vitest';
import type { StepNodeData } from '../../../src/features/editor/canvas/flow-types.ts';
import { estimateStepBox, shownText } from '../../../src/features/editor/canvas/step-geometry.ts';

const base: StepNodeData = {
  kindLabel: 'Email',
  label: 'Email 1',
  summary: 'Welcome aboard',
  icon: 'mail',
  category: 'action',
  branches: [{ key: 'next', label: 'Next', free: true }],
  hasTarget: true,
  direction: 'right',
};

// The figures below were read off the drawn nodes in Chromium (tests/bench/canvas at zoom 1).
describe('estimateStepBox', () => {
  it('a one-way step: height, the target handle at the left middle, the source at the right', () => {
    const box = estimateStepBox(base);
    expect(box.width).toBe(240);
    expect(box.height).toBeCloseTo(75.14, 1);
    expect(box.handles).toEqual([
      expect.objectContaining({ type: 'target', x: -2, y: expect.closeTo(31.56, 1) as number }),
      expect.objectContaining({
        type: 'source',
        id: 'next',
        x: 233,
        y: expect.closeTo(31.56, 1) as number,
      }),
    ]);
  });

  it('a step with a problem badge is 2 px taller', () => {
    expect(
      estimateStepBox({ ...base, problemSeverity: 'error', problemCount: 1 }).height,
    ).toBeCloseTo(77.14, 1);
  });

  it('a two-branch step: one row per branch, a handle in each row, no target on a trigger', () => {
    const box = estimateStepBox({
      ...base,
      problemSeverity: 'warning',
      hasTarget: false,
      branches: [
        { key: 'yes', label: 'Yes', free: true },
        { key: 'no', label: 'No', free: true },
      ],
    });
    expect(box.height).toBeCloseTo(126.14, 1);
    expect(box.handles.map((h) => [h.id, h.type])).toEqual([
      ['yes', 'source'],
      ['no', 'source'],
    ]);
    expect(box.handles[0]?.y).toBeCloseTo(83.14, 1);
    expect(box.handles[1]?.y).toBeCloseTo(107.64, 1);
  });

  it('long text that wraps makes the step taller', () => {
    const long = estimateStepBox({
      ...base,
      summary: 'Wait up to 3 days for order_placed, then remind them by SMS',
    });
    expect(long.height).toBeGreaterThan(estimateStepBox(base).height + 15);
  });
});

describe('shownText', () => {
  it('shortens long labels and summaries with an ellipsis, keeps short ones', () => {
    const shown = shownText({ ...base, label: 'L'.repeat(40), summary: 'S'.repeat(80) });
    expect(shown.label).toHaveLength(30);
    expect(shown.label.endsWith('…')).toBe(true);
    expect(shown.summary).toHaveLength(64);
    expect(shownText(base)).toEqual({ label: 'Email 1', summary: 'Welcome aboard' });
  });
});
