import { Position, type NodeHandle } from '@xyflow/react';
import { DEFAULT_STEP_SIZE } from '../../../editor/index.ts';
import type { StepNodeData } from './flow-types.ts';

/**
 * A step's size and handle places before the browser has measured it, worked out from the
 * box model in step-node.css. React Flow mounts every unmeasured node to measure it; knowing
 * these up front lets a large journey mount only the steps in view and still draw the minimap
 * and the arrows to steps off screen. The first measurement replaces the estimate.
 */
/** The one step width: auto-layout's, these estimates' and (through `--step-width`) the CSS's. */
export const STEP_WIDTH = DEFAULT_STEP_SIZE.width;
const BORDER = 1;
const HEADER = 24;
/** A header with a pill (problem badge or simulated count) is 2 px taller. */
const HEADER_WITH_PILL = 26;
const LABEL_LINE = 14 * 1.45;
const LABEL_PADDING = 2;
const SUMMARY_LINE = 13 * 1.45;
const SUMMARY_PADDING = 8;
const BRANCH_ROW = 24;
const HANDLE = 12;
/** Text box width: the step less its borders (1 + 4) and the 10 px side paddings. */
const TEXT_WIDTH = STEP_WIDTH - 5 - 20;
/** Average glyph advance as a share of the font size, for the app's sans-serif text. */
const GLYPH = 0.55;

function lines(text: string, fontSize: number): number {
  return Math.max(1, Math.ceil((text.length * fontSize * GLYPH) / TEXT_WIDTH));
}

/**
 * Text is shortened rather than clipped with `overflow: hidden` + ellipsis: each clipped box is a
 * separate clip for the compositor, which made panning a large journey slow.
 */
const LABEL_CHARS = 30;
const SUMMARY_CHARS = 64;

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The label and summary as a step node shows them. */
export function shownText(data: StepNodeData): { label: string; summary: string } {
  return { label: shorten(data.label, LABEL_CHARS), summary: shorten(data.summary, SUMMARY_CHARS) };
}

export interface StepBox {
  width: number;
  height: number;
  handles: NodeHandle[];
}

/** The box and handles a step node will have once drawn (exact for one-line text). */
export function estimateStepBox(data: StepNodeData): StepBox {
  const shown = shownText(data);
  const header =
    data.problemSeverity !== undefined || data.entered !== undefined || data.actual !== undefined
      ? HEADER_WITH_PILL
      : HEADER;
  const body =
    BORDER +
    header +
    LABEL_PADDING +
    LABEL_LINE * lines(shown.label, 14) +
    SUMMARY_PADDING +
    SUMMARY_LINE * lines(shown.summary, 13);
  const single = data.branches.length === 1 && data.branches[0]?.key === 'next';
  const rows = single ? 0 : data.branches.length;
  const height = body + (rows > 0 ? BORDER + rows * BRANCH_ROW : 0) + BORDER;
  const middle = height / 2 - HANDLE / 2;
  const handles: NodeHandle[] = [];
  if (data.hasTarget) {
    handles.push({
      type: 'target',
      position: Position.Left,
      x: -2,
      y: middle,
      width: HANDLE,
      height: HANDLE,
    });
  }
  const sourceX = STEP_WIDTH - 7;
  data.branches.forEach((branch, index) => {
    // Rows after the first carry a 1 px dashed top border inside their 24 px.
    const y = single ? middle : body + BORDER + index * BRANCH_ROW + (index === 0 ? 6 : 6.5);
    handles.push({
      id: branch.key,
      type: 'source',
      position: Position.Right,
      x: sourceX,
      y,
      width: HANDLE,
      height: HANDLE,
    });
  });
  return { width: STEP_WIDTH, height, handles };
}
