import type { JourneyDocument, JourneyStep } from '../domain/index.ts';
import { stepBranches } from './step-info.ts';

/** An arrow key as a direction on screen: one of dx, dy is ±1, the other 0. */
export interface ArrowDirection {
  dx: number;
  dy: number;
}

/** Along the flow (`along`: +1 forward, -1 back) and across it (`across`: ±1). */
function relative(document: JourneyDocument, arrow: ArrowDirection) {
  return document.layoutDirection === 'down'
    ? { along: arrow.dy, across: arrow.dx }
    : { along: arrow.dx, across: arrow.dy };
}

/** A step's place across the flow: y when drawn left to right, x when drawn downward. */
const crossOf = (document: JourneyDocument, step: JourneyStep) =>
  document.layoutDirection === 'down' ? step.position.x : step.position.y;
const alongOf = (document: JourneyDocument, step: JourneyStep) =>
  document.layoutDirection === 'down' ? step.position.y : step.position.x;

/** The nearest step on that side of `from` on screen, when the arrows give none. */
function nearestOnSide(
  document: JourneyDocument,
  from: JourneyStep,
  arrow: ArrowDirection,
): JourneyStep | undefined {
  let best: { step: JourneyStep; score: number } | undefined;
  for (const step of document.steps) {
    if (step.id === from.id) continue;
    const dx = step.position.x - from.position.x;
    const dy = step.position.y - from.position.y;
    const ahead = dx * arrow.dx + dy * arrow.dy;
    if (ahead <= 0) continue;
    const aside = Math.abs(dx * arrow.dy) + Math.abs(dy * arrow.dx);
    const score = ahead + 2 * aside; // prefer steps straight ahead over ones off to the side
    if (best === undefined || score < best.score) best = { step, score };
  }
  return best?.step;
}

/**
 * The step an arrow key moves to from `fromId`, following the journey's arrows: forward to the
 * first branch's step, back to the step it came from, across to the neighbouring step of the
 * same parent (or, with none, the nearest step that way). With nothing to start from, the first
 * trigger (or first step). Undefined when there is nowhere to go.
 */
export function neighbourStep(
  document: JourneyDocument,
  fromId: string | undefined,
  arrow: ArrowDirection,
): string | undefined {
  const byId = new Map(document.steps.map((s) => [s.id, s]));
  const from = fromId === undefined ? undefined : byId.get(fromId);
  if (from === undefined) {
    const targets = new Set(document.connections.map((c) => c.to));
    return (document.steps.find((s) => !targets.has(s.id)) ?? document.steps[0])?.id;
  }
  const { along, across } = relative(document, arrow);
  if (along !== 0) {
    const links =
      along > 0
        ? document.connections.filter((c) => c.from === from.id)
        : document.connections.filter((c) => c.to === from.id);
    const order = stepBranches(from).map((b) => b.key);
    const steps = links
      .map((c) => ({
        step: byId.get(along > 0 ? c.to : c.from),
        rank: along > 0 ? order.indexOf(c.fromBranch) : 0,
      }))
      .filter((x): x is { step: JourneyStep; rank: number } => x.step !== undefined)
      .sort((a, b) => a.rank - b.rank || crossOf(document, a.step) - crossOf(document, b.step));
    return (steps[0]?.step ?? nearestOnSide(document, from, arrow))?.id;
  }
  const parents = new Set(document.connections.filter((c) => c.to === from.id).map((c) => c.from));
  const siblingIds = new Set(
    parents.size > 0
      ? document.connections.filter((c) => parents.has(c.from)).map((c) => c.to)
      : // Steps nothing leads to (triggers, stray steps) are each other's neighbours.
        document.steps
          .filter((s) => !document.connections.some((c) => c.to === s.id))
          .map((s) => s.id),
  );
  const siblings = [...siblingIds]
    .map((id) => byId.get(id))
    .filter((s): s is JourneyStep => s !== undefined)
    .sort(
      (a, b) =>
        crossOf(document, a) - crossOf(document, b) || alongOf(document, a) - alongOf(document, b),
    );
  const index = siblings.findIndex((s) => s.id === from.id);
  const next = siblings[index + across];
  return (next ?? nearestOnSide(document, from, arrow))?.id;
}
