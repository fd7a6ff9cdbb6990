import { JourneyListPage } from '../features/journeys/journey-list-page.tsx';
import { usePublishStates } from '../features/publish/use-publish-states.ts';

/** The journey list with each journey's published version and unpublished changes. */
export function JourneyListRoute() {
  return <JourneyListPage publishStates={usePublishStates() ?? new Map()} />;
}
