import type { LifecycleStage } from '../../domain/index.ts';
import type {
  BrokenJourneySummary,
  StoredJourneySummary,
} from '../../storage/journey-documents.ts';

/** What the journey list shows for one journey. */
export type JourneySummary = StoredJourneySummary;

export type JourneySort = 'updated' | 'name';

export interface JourneyFilter {
  search: string;
  stage: LifecycleStage | 'all';
  sort: JourneySort;
}

/** Filters by name/description text and lifecycle stage, newest first or by name. */
export function filterJourneys(
  journeys: readonly JourneySummary[],
  filter: JourneyFilter,
): JourneySummary[] {
  const needle = filter.search.trim().toLocaleLowerCase();
  const kept = journeys.filter(
    (j) =>
      (filter.stage === 'all' || j.lifecycleStage === filter.stage) &&
      (needle === '' ||
        j.name.toLocaleLowerCase().includes(needle) ||
        j.description.toLocaleLowerCase().includes(needle)),
  );
  return kept.sort((a, b) =>
    filter.sort === 'name'
      ? a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
      : b.updatedAt.localeCompare(a.updatedAt),
  );
}

/** Broken journeys have no stage: they show under "all stages", matched by name or id. */
export function filterBrokenJourneys(
  journeys: readonly BrokenJourneySummary[],
  filter: JourneyFilter,
): BrokenJourneySummary[] {
  if (filter.stage !== 'all') return [];
  const needle = filter.search.trim().toLocaleLowerCase();
  return journeys.filter(
    (j) =>
      needle === '' ||
      j.name.toLocaleLowerCase().includes(needle) ||
      j.id.toLocaleLowerCase().includes(needle),
  );
}
