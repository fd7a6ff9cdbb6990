import { describe, expect, it } from 'vitest';
import {
  filterJourneys,
  type JourneyFilter,
  type JourneySummary,
} from '../../../src/features/journeys/journey-filter.ts';

function summary(overrides: Partial<JourneySummary> & { id: string }): JourneySummary {
  return {
    name: overrides.id,
    description: '',
    lifecycleStage: 'none',
    updatedAt: '2026-01-01T00:00:00.000Z',
    errorCount: 0,
    warningCount: 0,
    stepCount: 3,
    ...overrides,
  };
}

const JOURNEYS: JourneySummary[] = [
  summary({
    id: 'welcome',
    name: 'Welcome series',
    lifecycleStage: 'first_contact',
    updatedAt: '2026-01-03T00:00:00.000Z',
  }),
  summary({
    id: 'cart',
    name: 'abandoned cart',
    description: 'Reminds people of what they left',
    lifecycleStage: 'first_purchase',
    updatedAt: '2026-01-05T00:00:00.000Z',
  }),
  summary({
    id: 'winback',
    name: 'Win-back',
    lifecycleStage: 'win_back',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }),
];

const ALL: JourneyFilter = { search: '', stage: 'all', sort: 'updated' };
const ids = (list: JourneySummary[]) => list.map((j) => j.id);

describe('filterJourneys', () => {
  it('lists everything newest first by default', () => {
    expect(ids(filterJourneys(JOURNEYS, ALL))).toEqual(['cart', 'welcome', 'winback']);
  });

  it('sorts by name ignoring case', () => {
    expect(ids(filterJourneys(JOURNEYS, { ...ALL, sort: 'name' }))).toEqual([
      'cart',
      'welcome',
      'winback',
    ]);
    const named = [summary({ id: 'b', name: 'beta' }), summary({ id: 'a', name: 'Alpha' })];
    expect(ids(filterJourneys(named, { ...ALL, sort: 'name' }))).toEqual(['a', 'b']);
  });

  it('searches names and descriptions, case-insensitively and trimmed', () => {
    expect(ids(filterJourneys(JOURNEYS, { ...ALL, search: '  WELCOME ' }))).toEqual(['welcome']);
    expect(ids(filterJourneys(JOURNEYS, { ...ALL, search: 'they left' }))).toEqual(['cart']);
    expect(filterJourneys(JOURNEYS, { ...ALL, search: 'birthday' })).toEqual([]);
  });

  it('filters by lifecycle stage and combines with search', () => {
    expect(ids(filterJourneys(JOURNEYS, { ...ALL, stage: 'win_back' }))).toEqual(['winback']);
    expect(filterJourneys(JOURNEYS, { ...ALL, stage: 'win_back', search: 'cart' })).toEqual([]);
  });

  it('leaves the input list untouched', () => {
    const input = [...JOURNEYS];
    filterJourneys(input, { ...ALL, sort: 'name' });
    expect(input).toEqual(JOURNEYS);
  });
});
