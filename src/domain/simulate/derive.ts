import { CHANNELS } from '../channels.ts';
import type { GoalResult, SimulationResult } from './result-schema.ts';

/** Quantiles of an hour histogram, as the upper edge of the bucket that reaches each share. */
function quantiles(histogram: readonly number[]): GoalResult['timeToConvertHours']['quantiles'] {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const at = (q: number): number => {
    const want = q * total;
    let sum = 0;
    for (let h = 0; h < histogram.length; h++) {
      sum += histogram[h] as number;
      if (sum >= want) return h + 1;
    }
    return histogram.length;
  };
  return { p25: at(0.25), p50: at(0.5), p75: at(0.75), p90: at(0.9) };
}

/**
 * Recomputes every figure derived from the tallies (rates, revenue, cost, quantiles, uplift, NPS),
 * in place. Whole runs and merged partitions both end here, so equal tallies give equal results.
 */
export function deriveFigures(result: SimulationResult): SimulationResult {
  for (const c of CHANNELS) {
    const ch = result.channels[c];
    if (ch !== undefined) ch.cost = 0;
  }
  for (const id of Object.keys(result.steps).sort()) {
    const step = result.steps[id];
    if (step === undefined || step.channel === null) continue;
    const ch = result.channels[step.channel];
    if (ch !== undefined) ch.cost += (step.units ?? step.sent) * step.costPerSend;
  }
  for (const c of CHANNELS) {
    const ch = result.channels[c];
    if (ch !== undefined) ch.cost = Math.round(ch.cost * 1e6) / 1e6;
  }
  const goal = result.goal;
  if (goal !== null) {
    const treated = result.entries - result.controlEntries;
    goal.rate = treated === 0 ? 0 : goal.conversions / treated;
    goal.revenue = goal.revenueCents / 100;
    goal.control.entered = result.controlEntries;
    goal.control.rate =
      goal.control.entered === 0 ? 0 : goal.control.conversions / goal.control.entered;
    goal.control.revenue = goal.control.revenueCents / 100;
    goal.uplift = goal.control.entered === 0 ? null : goal.rate - goal.control.rate;
    goal.relativeUplift =
      goal.uplift === null || goal.control.rate === 0 ? null : goal.uplift / goal.control.rate;
    goal.timeToConvertHours.quantiles = quantiles(goal.timeToConvertHours.histogram);
  }
  const scores = result.nps.scores;
  const responses = scores.reduce((a, b) => a + b, 0);
  result.nps.responses = responses;
  if (responses === 0) result.nps.score = null;
  else {
    const promoters = (scores[9] ?? 0) + (scores[10] ?? 0);
    let detractors = 0;
    for (let s = 0; s <= 6; s++) detractors += scores[s] ?? 0;
    result.nps.score = Math.round(((promoters - detractors) / responses) * 1000) / 10;
  }
  return result;
}
