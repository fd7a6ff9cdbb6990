import type { z } from 'zod';
import type { EventCountRule } from '../conditions/condition-schema.ts';
import type { PropertyFilter } from '../conditions/property-filter.ts';
import type { IdGenerator } from '../journey/ids.ts';
import {
  JOURNEY_SCHEMA_VERSION,
  type Connection,
  type JourneyDocument,
  type JourneyStep,
  type LifecycleStage,
} from '../journey/journey-schema.ts';
import { journeySettingsSchema } from '../journey/settings-schema.ts';
import type { StepConfig } from '../steps/registry.ts';
import type { StepKind } from '../steps/step-kinds.ts';

/** A ready-made journey for one lifecycle stage. */
export interface JourneyTemplate {
  id: string;
  name: string;
  description: string;
  lifecycleStage: LifecycleStage;
  /** Builds a fresh document; `now` (epoch ms) stamps createdAt/updatedAt. */
  build(now: number, newId?: IdGenerator): JourneyDocument;
}

/** Horizontal distance between ranks and vertical distance between lanes, in canvas pixels. */
const RANK_GAP = 300;
const LANE_GAP = 160;

/** Collects steps laid out left to right (rank = column, lane = row, 0 in the middle). */
export function templateBuilder() {
  const steps: JourneyStep[] = [];
  const connections: Connection[] = [];
  return {
    step<K extends StepKind>(
      id: string,
      kind: K,
      label: string,
      config: StepConfig<K>,
      rank: number,
      lane = 0,
    ): string {
      steps.push({ id, kind, label, config, position: { x: rank * RANK_GAP, y: lane * LANE_GAP } });
      return id;
    },
    link(from: string, to: string, branch = 'next'): void {
      connections.push({ id: `${from}.${branch}`, from, fromBranch: branch, to });
    },
    document(
      meta: Omit<JourneyTemplate, 'build'>,
      now: number,
      newId: IdGenerator,
      settings: z.input<typeof journeySettingsSchema>,
    ): JourneyDocument {
      const at = new Date(now).toISOString();
      return {
        schemaVersion: JOURNEY_SCHEMA_VERSION,
        id: newId(),
        name: meta.name,
        description: meta.description,
        lifecycleStage: meta.lifecycleStage,
        steps,
        connections,
        settings: journeySettingsSchema.parse(settings),
        createdAt: at,
        updatedAt: at,
      };
    },
  };
}

/** Senders used by the templates' emails. */
export const SENDERS = {
  hello: 'Northwind <hello@northwind.example>',
  care: 'Northwind <care@northwind.example>',
  club: 'Northwind Club <club@northwind.example>',
} as const;

/** "performed `event` <comparison> `count` times within `withinDays` days" (null: ever). */
export function eventCount(
  event: string,
  comparison: EventCountRule['comparison'],
  count: number,
  withinDays: number | null,
  propertyFilters: PropertyFilter[] = [],
): EventCountRule {
  return { type: 'event_count', event, comparison, count, withinDays, propertyFilters };
}
