import type { Profile } from '../profiles/profile';
import type { ProfileColumns } from '../simulate/profile-columns';
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

/** The summary of these tallies. */
function summary(
  promoters: number,
  passives: number,
  detractors: number,
  invalid: number,
): NpsSummary {
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
  return summary(promoters, passives, detractors, invalid);
}

/**
 * The summary of the answers of several groups of profiles (e.g. the parts of a set each
 * summed by a worker): the tallies add up, the score is worked out again.
 */
export function mergeNps(parts: readonly NpsSummary[]): NpsSummary {
  const total = (pick: (part: NpsSummary) => number) => parts.reduce((n, p) => n + pick(p), 0);
  return summary(
    total((p) => p.promoters),
    total((p) => p.passives),
    total((p) => p.detractors),
    total((p) => p.invalid),
  );
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

/**
 * {@link npsFromEvents} over profiles as columns: only the profiles with an answer event are
 * built as objects (for their answers' scores), found from the event columns.
 */
export function npsFromColumns(columns: ProfileColumns, options: NpsOptions = {}): NpsSummary {
  const eventName = options.eventName ?? 'nps_response';
  const scoreProp = options.scoreProp ?? 'score';
  const name = columns.names.indexOf(eventName);
  const scores: unknown[] = [];
  if (name < 0) return npsFromScores(scores);
  const { eventStart, eventName: names, eventAt } = columns;
  for (let i = 0; i < columns.count; i++) {
    const from = eventStart[i] as number;
    const to = eventStart[i + 1] as number;
    let answered = false;
    for (let e = from; e < to && !answered; e++)
      answered = names[e] === name && inWindow(eventAt[e] as number, options);
    if (!answered) continue;
    // The columns hold the profile's events in its order: event `e` is `events[e - from]`.
    const events = columns.profile(i).events;
    for (let e = from; e < to; e++)
      if (names[e] === name && inWindow(eventAt[e] as number, options))
        scores.push(events[e - from]?.props?.[scoreProp]);
  }
  return npsFromScores(scores);
}
