import { MarkerType } from '@xyflow/react';
import {
  getStepDefinition,
  type Diagnostic,
  type JourneyDocument,
  type JourneyStep,
} from '../../../domain/index.ts';
import { stepBranches, stepSummary, type Selection } from '../../../editor/index.ts';
import type { CanvasWords } from './canvas-words.ts';
import type {
  BranchView,
  CanvasOverlay,
  CompareMarks,
  JourneyEdgeData,
  JourneyFlowEdge,
  StepFlowNode,
  StepNodeData,
} from './flow-types.ts';
import { estimateStepBox } from './step-geometry.ts';

/**
 * The arrowhead of every connection; one shared object so edges compare equal. Sized in user
 * space so it keeps its size when a simulation widens the line with its volume.
 */
const ARROW = {
  type: MarkerType.ArrowClosed,
  width: 32,
  height: 32,
  markerUnits: 'userSpaceOnUse',
  color: '#98a2b8',
} as const;

interface StepView {
  /** The words the view was written in: a change of language writes it again. */
  words: CanvasWords;
  kindLabel: string;
  summary: string;
  icon: string;
  category: StepNodeData['category'];
  branches: { key: string; label: string }[];
}

/** Parsing a config is the costly part; it runs again only when the step object changes. */
const views = new WeakMap<JourneyStep, StepView>();

function viewOf(step: JourneyStep, words: CanvasWords): StepView {
  let view = views.get(step);
  if (view === undefined || view.words !== words) {
    const definition = getStepDefinition(step.kind);
    const kindLabel = words.kindLabel(step.kind);
    const summary = stepSummary(step);
    view = {
      words,
      kindLabel,
      summary:
        summary === undefined
          ? words.unknownKind(step.kind)
          : withoutKind(words.phrase(summary), kindLabel, words.kindDescription(step.kind)),
      icon: definition?.icon ?? 'alert',
      category: definition?.category ?? 'unknown',
      branches: stepBranches(step).map((b) => ({ key: b.key, label: words.phrase(b.text) })),
    };
    views.set(step, view);
  }
  return view;
}

/**
 * "Email · Welcome!" → "Welcome!": the node's header already names the kind. A summary that is
 * only the kind ("Email" before it is set up, "Exit" without a reason) says what the step does
 * instead of repeating the header.
 */
function withoutKind(summary: string, kindLabel: string, description: string): string {
  if (summary === kindLabel) return description;
  const prefix = `${kindLabel} · `;
  return summary.startsWith(prefix) && summary.length > prefix.length
    ? summary.slice(prefix.length)
    : summary;
}

const placed = (place: string | undefined) => (place === undefined ? {} : { problemPlace: place });

interface Problem {
  severity: 'error' | 'warning';
  count: number;
  /** The worst problem, for the badge's tooltip. */
  diagnostic: Diagnostic;
}

/** The worst problem per step and the connections with problems. */
export function indexDiagnostics(diagnostics: readonly Diagnostic[]): {
  steps: Map<string, Problem>;
  connections: Set<string>;
} {
  const steps = new Map<string, Problem>();
  const connections = new Set<string>();
  for (const d of diagnostics) {
    if (d.connectionId !== undefined) connections.add(d.connectionId);
    if (d.stepId === undefined) continue;
    const seen = steps.get(d.stepId);
    if (seen === undefined) steps.set(d.stepId, { severity: d.severity, count: 1, diagnostic: d });
    else if (seen.severity === 'warning' && d.severity === 'error') {
      steps.set(d.stepId, { severity: 'error', count: seen.count + 1, diagnostic: d });
    } else seen.count++;
  }
  return { steps, connections };
}

function sameBranches(a: readonly BranchView[], b: readonly BranchView[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.key === b[i]?.key && x.label === b[i]?.label && x.free === b[i]?.free)
  );
}

function sameActual(a: StepNodeData['actual'], b: StepNodeData['actual']): boolean {
  return (
    a === b ||
    (a !== undefined &&
      b !== undefined &&
      a.entered === b.entered &&
      a.share === b.share &&
      a.verdict === b.verdict &&
      a.forecast?.p10 === b.forecast?.p10 &&
      a.forecast?.p90 === b.forecast?.p90)
  );
}

function sameData(a: StepNodeData, b: StepNodeData): boolean {
  return (
    a.label === b.label &&
    a.summary === b.summary &&
    a.kindLabel === b.kindLabel &&
    a.icon === b.icon &&
    a.category === b.category &&
    a.hasTarget === b.hasTarget &&
    a.direction === b.direction &&
    a.problemSeverity === b.problemSeverity &&
    a.problemCount === b.problemCount &&
    // Each revision validates afresh: the same problem is a new object with the same words.
    a.problem?.code === b.problem?.code &&
    a.problem?.message === b.problem?.message &&
    a.problemPlace === b.problemPlace &&
    a.entered === b.entered &&
    sameActual(a.actual, b.actual) &&
    a.highlight === b.highlight &&
    a.compare?.change === b.compare?.change &&
    a.compare?.label === b.compare?.label &&
    sameBranches(a.branches, b.branches)
  );
}

export interface FlowInput {
  document: JourneyDocument;
  selection: Selection;
  diagnostics: ReturnType<typeof indexDiagnostics>;
  overlay: CanvasOverlay | undefined;
  /** While comparing versions: the steps marked added or changed. */
  compare?: CompareMarks | undefined;
  measured: ReadonlyMap<string, { width: number; height: number }>;
  /** The user's language. */
  words: CanvasWords;
}

/**
 * Turns the document into React Flow nodes and edges, reusing the previous object for every
 * node or edge whose inputs did not change so memoised components skip redrawing.
 */
export class FlowBuilder {
  private nodes = new Map<string, StepFlowNode>();
  private edges = new Map<string, JourneyFlowEdge>();

  buildNodes(input: FlowInput): StepFlowNode[] {
    const used = new Map<string, Set<string>>();
    for (const c of input.document.connections) {
      let set = used.get(c.from);
      if (set === undefined) used.set(c.from, (set = new Set()));
      set.add(c.fromBranch);
    }
    const selected = new Set(input.selection.stepIds);
    const path = input.overlay?.highlight;
    const lit = path === undefined ? undefined : new Set(path.stepIds);
    const next = new Map<string, StepFlowNode>();
    const result = input.document.steps.map((step) => {
      const view = viewOf(step, input.words);
      const mark = input.compare?.[step.id];
      const taken = used.get(step.id);
      const problem = input.diagnostics.steps.get(step.id);
      const live = input.overlay?.actual;
      const entered = input.overlay?.stepCounts[step.id]?.entered;
      const actual = live?.steps[step.id] ?? (live === undefined ? undefined : { entered: 0 });
      const data: StepNodeData = {
        kindLabel: view.kindLabel,
        label: step.label,
        summary: view.summary,
        icon: view.icon,
        category: view.category,
        branches: view.branches.map((b) => ({
          ...b,
          free: taken === undefined || !taken.has(b.key),
        })),
        hasTarget: view.category !== 'trigger',
        direction: input.document.layoutDirection ?? 'right',
        ...(problem !== undefined
          ? {
              problemSeverity: problem.severity,
              problemCount: problem.count,
              problem: problem.diagnostic,
              ...placed(input.words.problemPlace(step, problem.diagnostic)),
            }
          : {}),
        ...(input.overlay !== undefined && (live === undefined || live.show === 'both')
          ? { entered: entered ?? 0 }
          : {}),
        ...(actual !== undefined ? { actual } : {}),
        ...(lit !== undefined ? { highlight: lit.has(step.id) ? 'on' : 'off' } : {}),
        ...(mark !== undefined ? { compare: mark } : {}),
      };
      const previous = this.nodes.get(step.id);
      const isSelected = selected.has(step.id);
      const measured = input.measured.get(step.id);
      let node: StepFlowNode;
      if (
        previous !== undefined &&
        previous.position === step.position &&
        previous.selected === isSelected &&
        previous.measured === measured &&
        sameData(previous.data, data)
      ) {
        node = previous;
      } else {
        node = {
          id: step.id,
          type: view.category,
          position: step.position,
          data: previous !== undefined && sameData(previous.data, data) ? previous.data : data,
          selected: isSelected,
          ariaLabel: input.words.stepName(view.kindLabel, step.label),
          ...(measured !== undefined ? { measured } : estimated(data)),
        };
      }
      next.set(step.id, node);
      return node;
    });
    this.nodes = next;
    return result;
  }

  buildEdges(input: FlowInput): JourneyFlowEdge[] {
    const byId = new Map(input.document.steps.map((s) => [s.id, s]));
    const selected = new Set(input.selection.connectionIds);
    const counts = input.overlay?.connectionCounts;
    const actual = input.overlay?.actual !== undefined;
    const max = counts === undefined ? 0 : Math.max(1, ...Object.values(counts));
    const hops = highlightedHops(input.overlay);
    const next = new Map<string, JourneyFlowEdge>();
    const result: JourneyFlowEdge[] = [];
    for (const c of input.document.connections) {
      const from = byId.get(c.from);
      const to = byId.get(c.to);
      if (from === undefined || to === undefined) continue;
      const branchLabel =
        viewOf(from, input.words).branches.find((b) => b.key === c.fromBranch)?.label ??
        c.fromBranch;
      const count = counts === undefined ? undefined : (counts[c.id] ?? 0);
      // The count goes in the name, read at any zoom.
      const ariaLabel = input.words.connectionName(
        from.label,
        branchLabel,
        to.label,
        count === undefined ? undefined : { value: count, actual },
      );
      const data: JourneyEdgeData = {
        branchLabel,
        fromLabel: from.label,
        toLabel: to.label,
        strokeWidth: count === undefined ? 2 : 1.5 + 6 * Math.sqrt(count / max),
        problem: input.diagnostics.connections.has(c.id),
        ...(count !== undefined ? { count } : {}),
        ...(hops !== undefined ? { highlight: hops.has(`${c.from}>${c.to}`) ? 'on' : 'off' } : {}),
      };
      const previous = next.get(c.id) ?? this.edges.get(c.id);
      const isSelected = selected.has(c.id);
      const same =
        previous?.data !== undefined &&
        previous.source === c.from &&
        previous.target === c.to &&
        previous.sourceHandle === c.fromBranch &&
        previous.selected === isSelected &&
        previous.data.branchLabel === data.branchLabel &&
        previous.data.fromLabel === data.fromLabel &&
        previous.data.toLabel === data.toLabel &&
        previous.data.strokeWidth === data.strokeWidth &&
        previous.data.problem === data.problem &&
        previous.data.count === data.count &&
        previous.data.highlight === data.highlight &&
        previous.ariaLabel === ariaLabel;
      const edge: JourneyFlowEdge =
        same && previous !== undefined
          ? previous
          : {
              id: c.id,
              type: 'journey',
              source: c.from,
              target: c.to,
              sourceHandle: c.fromBranch,
              markerEnd: ARROW,
              selected: isSelected,
              data,
              ariaLabel,
            };
      next.set(c.id, edge);
      result.push(edge);
    }
    this.edges = next;
    return result;
  }
}

/** Size and handles for a step not measured yet, so it need not be mounted to be placed. */
function estimated(data: StepNodeData) {
  const box = estimateStepBox(data);
  return { initialWidth: box.width, initialHeight: box.height, handles: box.handles };
}

/** "from>to" for each pair of consecutive steps on the highlighted path. */
function highlightedHops(overlay: CanvasOverlay | undefined): Set<string> | undefined {
  const ids = overlay?.highlight?.stepIds;
  if (ids === undefined) return undefined;
  const hops = new Set<string>();
  for (let i = 1; i < ids.length; i++) hops.add(`${ids[i - 1] ?? ''}>${ids[i] ?? ''}`);
  return hops;
}
