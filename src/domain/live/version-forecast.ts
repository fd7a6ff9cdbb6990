import { z } from 'zod';
import { summariseReplications } from '../forecast/statistics.ts';
import { totalSendsPerDay } from '../forecast/replications.ts';
import type { SimulationResult } from '../simulate/result-schema.ts';

const DAY_MS = 86_400_000;

/** P10, median and P90 of one figure over forecast replications. */
export const bandSchema = z.object({ p10: z.number(), p50: z.number(), p90: z.number() });
export type Band = z.infer<typeof bandSchema>;

/** One calendar day of a forecast: entries, sends and conversions as P10–P90 bands. */
export const forecastDaySchema = z.object({
  /** UTC date, YYYY-MM-DD: the executor's daily figures use the same key. */
  day: z.iso.date(),
  entries: bandSchema,
  sends: bandSchema,
  conversions: bandSchema,
});
export type ForecastDay = z.infer<typeof forecastDaySchema>;

/** Bumped when the stored shape changes; an older record is dropped and the forecast run again. */
export const VERSION_FORECAST_FORMAT = 1;

/**
 * What a forecast of one published version predicts, kept beside the version so live counts can
 * be read against it: per step the share of entries that reach it, per connection the median
 * runs, and per day the entries, sends and conversions.
 */
export const versionForecastSchema = z.object({
  format: z.literal(VERSION_FORECAST_FORMAT),
  journeyId: z.string().min(1),
  version: z.number().int().positive(),
  /** The forecast ran on this spec (`spec.journey.version`, a content hash). */
  specHash: z.string(),
  profileSetName: z.string(),
  profiles: z.number().int().nonnegative(),
  replications: z.number().int().positive(),
  /** When it ran (epoch ms), for "forecast of 3 Dec". */
  ranAt: z.number(),
  /** Per step: entries reaching it, as a count and as a share of the journey's entries. */
  steps: z.record(z.string(), z.object({ entered: bandSchema, share: bandSchema })),
  /** Median runs per connection, keyed `${fromStepId}->${branchKey}` like `edgeCounts`. */
  edges: z.record(z.string(), z.number().nonnegative()),
  daily: z.array(forecastDaySchema),
});
export type VersionForecast = z.infer<typeof versionForecastSchema>;

function band(values: readonly number[]): Band {
  const s = summariseReplications(values);
  return { p10: s.p10, p50: s.p50, p90: s.p90 };
}

/** Entries outside the control group: what the executor counts as `entries`. */
const treated = (r: SimulationResult) => r.entries - r.controlEntries;

/** Every step id any replication reports. */
function stepIdsOf(results: readonly SimulationResult[]): string[] {
  return [...new Set(results.flatMap((r) => Object.keys(r.steps)))].sort();
}

/**
 * Per step, the entries reaching it and their share of the journey's entries (outside the
 * control group) over replications. A replication nobody entered has no share and is left out of
 * the share band.
 */
export function stepBands(
  results: readonly SimulationResult[],
): Record<string, { entered: Band; share: Band }> {
  const out: Record<string, { entered: Band; share: Band }> = {};
  const entered = results.filter((r) => treated(r) > 0);
  for (const id of stepIdsOf(results)) {
    const counts = results.map((r) => r.steps[id]?.entered ?? 0);
    const shares = entered.map((r) => (r.steps[id]?.entered ?? 0) / treated(r));
    out[id] = {
      entered: band(counts),
      share: shares.length > 0 ? band(shares) : { p10: NaN, p50: NaN, p90: NaN },
    };
  }
  return out;
}

/** Median runs per connection over replications. */
export function edgeMedians(results: readonly SimulationResult[]): Record<string, number> {
  const keys = [...new Set(results.flatMap((r) => Object.keys(r.edgeCounts)))];
  return Object.fromEntries(
    keys.map((k) => [k, band(results.map((r) => r.edgeCounts[k] ?? 0)).p50]),
  );
}

/** Per calendar day (UTC) from the simulated start: entries, sends and conversions as bands. */
export function dailyBands(results: readonly SimulationResult[]): ForecastDay[] {
  const first = results[0];
  if (first === undefined) return [];
  const sends = results.map(totalSendsPerDay);
  const days = Math.max(
    0,
    ...results.map((r) => r.entriesPerDay.length),
    ...sends.map((s) => s.length),
  );
  const out: ForecastDay[] = [];
  for (let d = 0; d < days; d++) {
    out.push({
      day: new Date(first.start + d * DAY_MS).toISOString().slice(0, 10),
      entries: band(results.map((r) => r.entriesPerDay[d] ?? 0)),
      sends: band(sends.map((s) => s[d] ?? 0)),
      conversions: band(results.map((r) => r.conversionsPerDay[d] ?? 0)),
    });
  }
  return out;
}

/** The forecast of a published version, from its replications' results. */
export function summariseVersionForecast(
  results: readonly SimulationResult[],
  about: Pick<
    VersionForecast,
    'journeyId' | 'version' | 'specHash' | 'profileSetName' | 'profiles' | 'ranAt'
  >,
): VersionForecast {
  if (results.length === 0) throw new RangeError('a forecast needs at least one replication');
  return {
    format: VERSION_FORECAST_FORMAT,
    ...about,
    replications: results.length,
    steps: stepBands(results),
    edges: edgeMedians(results),
    daily: dailyBands(results),
  };
}
