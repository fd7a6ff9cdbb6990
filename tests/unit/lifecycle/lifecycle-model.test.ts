import { describe, expect, it } from 'vitest';
import {
  lifecycleOverview,
  OVERVIEW_STAGES,
  type JourneyFigures,
} from '../../../src/features/lifecycle/lifecycle-model.ts';

const figures = (messagesPerProfilePerWeek: number): JourneyFigures => ({
  entered: 100,
  conversionRate: 0.1,
  revenue: 50,
  messagesPerProfilePerWeek,
  ranAt: 0,
  profileSetName: 'Demo',
  stale: false,
});

describe('lifecycleOverview', () => {
  const journeys = [
    { id: 'w', name: 'Welcome', lifecycleStage: 'first_contact' as const },
    { id: 'a', name: 'Abandoned cart', lifecycleStage: 'first_purchase' as const },
    { id: 'b', name: 'Browse reminder', lifecycleStage: 'first_purchase' as const },
    { id: 'c', name: 'Cross-sell', lifecycleStage: 'first_purchase' as const },
    { id: 'x', name: 'Birthday', lifecycleStage: 'none' as const },
  ];
  const overview = lifecycleOverview(
    journeys,
    new Map([
      ['a', figures(1.25)],
      ['b', figures(0.5)],
      ['w', figures(2)],
    ]),
  );

  it('has the six stages as columns in lifecycle order, journeys by name within each', () => {
    expect(overview.stages.map((s) => s.stage)).toEqual(OVERVIEW_STAGES);
    expect(OVERVIEW_STAGES).toHaveLength(6);
    expect(overview.stages[1]?.journeys.map((j) => j.name)).toEqual([
      'Abandoned cart',
      'Browse reminder',
      'Cross-sell',
    ]);
    expect(overview.unassigned.map((j) => j.id)).toEqual(['x']);
  });

  it('adds up the message pressure of a stage’s simulated journeys and counts them', () => {
    expect(overview.stages[0]?.pressurePerWeek).toBe(2);
    expect(overview.stages[1]?.pressurePerWeek).toBe(1.75);
    expect(overview.stages[1]?.simulated).toBe(2);
    expect(overview.stages[1]?.journeys[2]?.figures).toBeNull();
  });

  it('leaves empty stages with no journeys and no pressure', () => {
    const empty = overview.stages.filter((s) => s.journeys.length === 0).map((s) => s.stage);
    expect(empty).toEqual([
      'delivery_follow_up',
      'after_sales_service',
      'renewal_cross_up_sell',
      'win_back',
    ]);
    expect(overview.stages[5]?.pressurePerWeek).toBeNull();
  });
});
