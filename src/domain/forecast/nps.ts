import type { Profile } from '../profiles/profile';
import { inWindow, type TimeWindow } from './time-window';

/** Options for {@link npsFromEvents}. */
export interface NpsOptions extends TimeWindow {
  /** The survey answer event. Default `nps_response`. */
  eventName?: string;
  /** The event property holding the 0–10 score. Default `score`. */
  scoreProp?: string;
}

/** Net Promoter Score tallies. */
export interface NpsSummary {
  /** Valid answers (a numeric score from 0 to 10). */
  responses: number;
  /** Scores 9–10. */
  promoters: number;
  /** Scores 7–8. */
  passives: number;
  /** Scores 0–6. */
  detractors: number;
  /** Answer events without a valid score, left out of the tallies. */
  invalid: number;
  /** % promoters − % detractors, from −100 to 100; null without responses. */
  nps: number | null;
}

/** Classifies 0–10 scores into an {@link NpsSummary}; scores outside 0–10 or not numbers count as invalid. */
export function npsFromScores(scores: Iterable<unknown>): NpsSummary {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  let invalid = 0;
  for (const raw of scores) {
    const score =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && raw.trim() !== ''
          ? Number(raw)
          : NaN;
    if (!(score >= 0 && score <= 10)) invalid++;
    else if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  }
  const responses = promoters + passives + detractors;
  return {
    responses,
    promoters,
    passives,
    detractors,
    invalid,
    nps: responses === 0 ? null : (100 * (promoters - detractors)) / responses,
  };
}

/**
 * Net Promoter Score from the survey answers in the profiles' histories within [from, to):
 * 9–10 promoter, 7–8 passive, 0–6 detractor; NPS = % promoters − % detractors. Every answer
 * counts (a profile that answered twice counts twice).
 */
export function npsFromEvents(profiles: readonly Profile[], options: NpsOptions = {}): NpsSummary {
  const eventName = options.eventName ?? 'nps_response';
  const scoreProp = options.scoreProp ?? 'score';
  const scores: unknown[] = [];
  for (const profile of profiles) {
    for (const event of profile.events) {
      if (event.name === eventName && inWindow(event.at, options))
        scores.push(event.props?.[scoreProp]);
    }
  }
  return npsFromScores(scores);
}
