import type { SpecDiff } from './spec-diff.ts';

/** One side of a comparison: a published version's number, or the draft. */
export type CompareSide = number | 'draft';

/** Two versions compared, older first, and what changed between them. */
export interface VersionComparison {
  from: number;
  to: CompareSide;
  diff: SpecDiff;
}

/** Orders two sides so the older comes first (the draft is newer than every published version). */
export function orderSides(a: CompareSide, b: CompareSide): [number, CompareSide] | null {
  if (a === b) return null;
  if (a === 'draft') return b === 'draft' ? null : [b, a];
  if (b === 'draft') return [a, b];
  return a < b ? [a, b] : [b, a];
}

/** A step's mark on the canvas, with its badge text (the editor's `CompareMark`). */
export interface StepMark {
  change: 'added' | 'changed';
  label: string;
}

/** The canvas marks of a diff: added and changed steps, each with its badge text. */
export function compareMarks(
  diff: SpecDiff,
  labels: { added: string; changed: string },
): Record<string, StepMark> {
  const marks: Record<string, StepMark> = {};
  for (const step of diff.added) marks[step.id] = { change: 'added', label: labels.added };
  for (const step of diff.changed) marks[step.id] = { change: 'changed', label: labels.changed };
  return marks;
}
