import type { ElkNode } from 'elkjs/lib/elk-api';
import type { JourneyDocument } from '../domain/index.ts';
import type { Point } from './commands/step-commands.ts';
import { loadElkEngine } from './elk-engine.ts';
import { stepBranches } from './step-info.ts';

export interface Size {
  width: number;
  height: number;
}

/** The size assumed for a step the canvas has not measured. */
export const DEFAULT_STEP_SIZE: Size = { width: 240, height: 96 };

/**
 * Lays the journey out with ELK's layered algorithm in the journey's direction (left to right,
 * or top to bottom), keeping each step's branch ports in display order so "Yes" stays above (or
 * left of) "No". Returns a position per step id.
 */
export async function layoutJourney(
  document: JourneyDocument,
  sizes: Readonly<Record<string, Size>> = {},
): Promise<Record<string, Point>> {
  const down = document.layoutDirection === 'down';
  const children: ElkNode[] = document.steps.map((step) => {
    const size = sizes[step.id] ?? DEFAULT_STEP_SIZE;
    const branches = stepBranches(step);
    return {
      id: step.id,
      width: size.width,
      height: size.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        {
          id: `${step.id}::in`,
          width: 1,
          height: 1,
          layoutOptions: { 'elk.port.side': down ? 'NORTH' : 'WEST' },
        },
        ...branches.map((b, index) => ({
          id: `${step.id}::${b.key}`,
          width: 1,
          height: 1,
          layoutOptions: {
            'elk.port.side': down ? 'SOUTH' : 'EAST',
            // ELK numbers ports clockwise: on the south side that runs right to left.
            'elk.port.index': String(down ? branches.length - 1 - index : index),
          },
        })),
      ],
    };
  });
  const ids = new Set(document.steps.map((s) => s.id));
  const edges = document.connections
    .filter((c) => ids.has(c.from) && ids.has(c.to))
    .map((c) => ({ id: c.id, sources: [`${c.from}::${c.fromBranch}`], targets: [`${c.to}::in`] }));
  const elk = await loadElkEngine();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': down ? 'DOWN' : 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.separateConnectedComponents': 'true',
    },
    children,
    edges,
  });
  const positions: Record<string, Point> = {};
  for (const node of graph.children ?? [])
    positions[node.id] = { x: Math.round(node.x ?? 0), y: Math.round(node.y ?? 0) };
  return positions;
}
