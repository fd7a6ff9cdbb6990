import {
  JOURNEY_SCHEMA_VERSION,
  type Connection,
  type JourneyDocument,
} from '../journey/journey-schema.ts';
import type { Spec } from './spec-schema.ts';

/** Fields every spec step has beside its kind's body. */
const STEP_FRAME = new Set(['id', 'kind', 'label', 'next']);

/** A spec read back as a document, and which step and branch each made-up arrow stands for. */
export interface SpecAsDocument {
  document: JourneyDocument;
  arrows: Map<string, { stepId: string; branch: string }>;
}

/**
 * Reads a parsed spec back as a journey document (no positions, arrows from `next`), so the
 * document validator's rules judge specs too and the two can never disagree. Arrows to missing
 * steps are left out: the spec checks report those with their branch.
 */
export function specToDocument(spec: Spec): SpecAsDocument {
  const arrows = new Map<string, { stepId: string; branch: string }>();
  const connections: Connection[] = [];
  const steps = Object.values(spec.steps).map((step) => {
    const config = Object.fromEntries(Object.entries(step).filter(([k]) => !STEP_FRAME.has(k)));
    for (const [branch, to] of Object.entries(step.next)) {
      if (to === null || !Object.hasOwn(spec.steps, to)) continue;
      const id = `arrow-${connections.length + 1}`;
      arrows.set(id, { stepId: step.id, branch });
      connections.push({ id, from: step.id, fromBranch: branch, to });
    }
    return { id: step.id, kind: step.kind, label: step.label, config, position: { x: 0, y: 0 } };
  });
  const { entry, ...settings } = spec.settings;
  const at = new Date(0).toISOString();
  return {
    arrows,
    document: {
      schemaVersion: JOURNEY_SCHEMA_VERSION,
      id: spec.journey.id,
      name: spec.journey.name,
      description: '',
      lifecycleStage: spec.journey.lifecycleStage,
      steps,
      connections,
      settings: {
        ...settings,
        entry: {
          reentry: entry.reentry,
          maxActivePerProfile: 1,
          ...(entry.cooldownDays === null ? {} : { cooldownDays: entry.cooldownDays }),
        },
      },
      createdAt: at,
      updatedAt: at,
    },
  };
}
