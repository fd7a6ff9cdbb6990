import {
  LIFECYCLE_STAGES,
  LIFECYCLE_STAGE_LABELS,
  type LifecycleStage,
} from '../../domain/journey/journey-schema.ts';
import { extractKpis } from '../../domain/forecast/replications.ts';
import type { SimulationResult } from '../../domain/simulate/result-schema.ts';

/** The six stages a customer moves through, in order: the overview's columns. */
export const OVERVIEW_STAGES = LIFECYCLE_STAGES.filter(
  (s): s is Exclude<LifecycleStage, 'none'> => s !== 'none',
);

/** A journey's last simulated figures. */
export interface JourneyFigures {
  /** Profiles that entered. */
  entered: number;
  /** Share of entrants who converted; null without a goal. */
  conversionRate: number | null;
  /** Revenue of the conversions; null without a goal. */
  revenue: number | null;
  /** Messages per profile that entered, per week of the simulated period. */
  messagesPerProfilePerWeek: number;
  /** When the run was made (epoch ms) and on which set. */
  ranAt: number;
  profileSetName: string;
  /** Whether the journey changed since: its compiled spec differs from the one that ran. */
  stale: boolean;
}

/** A journey in the overview. */
export interface OverviewJourney {
  id: string;
  name: string;
  figures: JourneyFigures | null;
}

/** One stage column. */
export interface StageColumn {
  stage: LifecycleStage;
  label: string;
  journeys: OverviewJourney[];
  /**
   * Messages per customer per week if a customer takes part in every simulated journey of the
   * stage at once: the sum of the journeys' messages per profile per week. Null when none of
   * the stage's journeys has been simulated.
   */
  pressurePerWeek: number | null;
  /** Journeys of the stage with figures. */
  simulated: number;
}

/** The overview: the six stage columns, and the journeys with no stage. */
export interface LifecycleOverview {
  stages: StageColumn[];
  unassigned: OverviewJourney[];
}

/** The figures the overview reads off a stored run. */
export function figuresOf(
  result: SimulationResult,
  run: { createdAt: number; profileSetName: string; stale: boolean },
): JourneyFigures {
  const kpis = extractKpis(result);
  const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
  return {
    entered: result.profilesEntered,
    conversionRate: result.goal === null ? null : finite(kpis['conversionRate']),
    revenue: result.goal === null ? null : finite(kpis['revenue']),
    messagesPerProfilePerWeek: finite(kpis['messagesPerProfilePerWeek']) ?? 0,
    ranAt: run.createdAt,
    profileSetName: run.profileSetName,
    stale: run.stale,
  };
}

/**
 * Groups journeys by lifecycle stage, in stage order and by name within a stage, with each
 * stage's portfolio message pressure; journeys without a stage are listed apart.
 */
export function lifecycleOverview(
  journeys: readonly { id: string; name: string; lifecycleStage: LifecycleStage }[],
  figures: ReadonlyMap<string, JourneyFigures>,
): LifecycleOverview {
  const byName = [...journeys].sort((a, b) => a.name.localeCompare(b.name));
  const entry = (j: { id: string; name: string }): OverviewJourney => ({
    id: j.id,
    name: j.name,
    figures: figures.get(j.id) ?? null,
  });
  const stages = OVERVIEW_STAGES.map((stage): StageColumn => {
    const inStage = byName.filter((j) => j.lifecycleStage === stage).map(entry);
    const simulated = inStage.filter((j) => j.figures !== null);
    return {
      stage,
      label: LIFECYCLE_STAGE_LABELS[stage],
      journeys: inStage,
      simulated: simulated.length,
      pressurePerWeek:
        simulated.length === 0
          ? null
          : simulated.reduce((s, j) => s + (j.figures?.messagesPerProfilePerWeek ?? 0), 0),
    };
  });
  return {
    stages,
    unassigned: byName.filter((j) => j.lifecycleStage === 'none').map(entry),
  };
}
