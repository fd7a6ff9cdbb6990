import type { Edge, Node } from '@xyflow/react';
import type { Diagnostic, LayoutDirection, StepCategory } from '../../../domain/index.ts';
import type { ActualStepCounts } from '../../../domain/simulate/counts-overlay.ts';

export interface BranchView {
  key: string;
  label: string;
  /** True when no arrow leaves this branch yet (it gets a "+" button). */
  free: boolean;
}

/** Everything a step node draws; plain data so memoised nodes only redraw when it changes. */
export type StepNodeData = {
  kindLabel: string;
  label: string;
  summary: string;
  icon: string;
  category: StepCategory | 'unknown';
  branches: readonly BranchView[];
  hasTarget: boolean;
  /** The journey's drawing direction: handles go on the matching sides. */
  direction: LayoutDirection;
  problemSeverity?: 'error' | 'warning';
  problemCount?: number;
  /** The step's worst problem, worded by the node in the user's language. */
  problem?: Diagnostic;
  /** Where in the step that problem is, worded (a schema problem's field). */
  problemPlace?: string;
  /** Simulated profiles that entered the step, when an overlay is shown. */
  entered?: number;
  /** Live counts of a published version: runs that really entered the step, and in "both" view how that compares. */
  actual?: ActualStepCounts;
  /** With a highlighted path shown: whether this step is on it (lit) or not (dimmed). */
  highlight?: Highlight;
  /** While two versions are compared: how this step differs from the older side. */
  compare?: CompareMark;
};

/** A step's mark in a comparison, with its (translated) badge text. */
export interface CompareMark {
  change: 'added' | 'changed';
  label: string;
}

/** Marks by step id; steps without one are unchanged. */
export type CompareMarks = Readonly<Record<string, CompareMark>>;

export type Highlight = 'on' | 'off';

export type StepNodeType = StepCategory | 'unknown';
export type StepFlowNode = Node<StepNodeData, StepNodeType>;

export type JourneyEdgeData = {
  branchLabel: string;
  /** The labels of the steps the arrow joins: its "+" is named by them. */
  fromLabel: string;
  toLabel: string;
  /** Profiles that took this arrow, when an overlay is shown: simulated, or live ones. */
  count?: number;
  strokeWidth: number;
  problem: boolean;
  /** With a highlighted path shown: whether this arrow joins two consecutive steps of it. */
  highlight?: Highlight;
};

export type JourneyFlowEdge = Edge<JourneyEdgeData, 'journey'>;

/** Per-step and per-connection counts from a simulation, drawn over the canvas. */
export type { CountsOverlay as CanvasOverlay } from '../../../domain/simulate/counts-overlay.ts';
