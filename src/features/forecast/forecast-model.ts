import {
  compareProportions,
  type ProportionComparison,
} from '../../domain/forecast/proportions.ts';
import {
  extractKpis,
  kpiDefinitions,
  sendsPerDayBand,
  summariseKpis,
  totalSendsPerDay,
  type DailyBand,
  type KpiDefinition,
  type KpiValues,
} from '../../domain/forecast/replications.ts';
import type { ReplicationSummary } from '../../domain/forecast/statistics.ts';
import { mean } from '../../domain/forecast/statistics.ts';
import type { ForecastReplication } from '../../workers/forecast/run-forecast.ts';
import {
  mergeTallies,
  type PathTally,
  type TraceTallies,
} from '../../domain/forecast/trace-tallies.ts';

/** One variant's forecast, ready to show. */
export interface VariantView {
  name: string;
  kpis: KpiDefinition[];
  /** KPI values per replication, in replication order. */
  values: KpiValues[];
  summaries: Record<string, ReplicationSummary>;
  band: DailyBand[];
  start: number;
  horizonDays: number;
  /** Mean profiles entering per simulated day. */
  entrantsPerDay: number;
  /** Mean conversions per replication (0 without a goal). */
  meanConversions: number;
  /** Share of conversions the journey caused: uplift / rate with a control group, else 1. */
  attributableShare: number;
  hasControl: boolean;
  /** Trace tallies summed over the traced replications; null when none was traced. */
  tallies: TraceTallies | null;
  tracedReplications: number;
}

/** Builds the view of variant `v` from finished replications. */
export function variantView(
  name: string,
  replications: readonly ForecastReplication[],
  v: number,
): VariantView | null {
  const results = replications.flatMap((r) => (r.results[v] ? [r.results[v]] : []));
  const first = results[0];
  if (first === undefined) return null;
  const kpis = kpiDefinitions(first);
  const values = results.map(extractKpis);
  const traced = replications.flatMap((r) => (r.tallies[v] ? [r.tallies[v]] : []));
  const rate = mean(results.map((r) => r.goal?.rate ?? 0));
  const uplift = mean(results.map((r) => r.goal?.uplift ?? 0));
  const hasControl = first.goal !== null && first.controlEntries > 0;
  return {
    name,
    kpis,
    values,
    summaries: summariseKpis(
      values,
      kpis.map((k) => k.key),
    ),
    band: sendsPerDayBand(results.map(totalSendsPerDay)),
    start: first.start,
    horizonDays: first.horizonDays,
    entrantsPerDay: mean(results.map((r) => r.profilesEntered)) / first.horizonDays,
    meanConversions: mean(results.map((r) => r.goal?.conversions ?? 0)),
    attributableShare: hasControl ? (rate > 0 ? Math.max(0, Math.min(1, uplift / rate)) : 0) : 1,
    hasControl,
    tallies: traced.length > 0 ? mergeTallies(traced) : null,
    tracedReplications: traced.length,
  };
}

/** One branch of a random split: runs and conversions per replication (means over traced ones, unrounded). */
export interface BranchFigures {
  branch: string;
  entered: number;
  converted: number;
  rate: number;
  /** Compared with the first branch; null for the first branch itself or when a group is empty. */
  versusFirst: ProportionComparison | null;
}

/** A random split's branches side by side. */
export interface SplitComparison {
  stepId: string;
  stepLabel: string;
  branches: BranchFigures[];
}

function pathsByStep(tallies: TraceTallies, kind?: string): Map<string, PathTally[]> {
  const out = new Map<string, PathTally[]>();
  for (const p of Object.values(tallies.paths)) {
    if (kind !== undefined && p.stepKind !== kind) continue;
    const list = out.get(p.stepId) ?? [];
    list.push(p);
    out.set(p.stepId, list);
  }
  return out;
}

/**
 * Compares the branches of each random split by the conversions of the runs that took them.
 * Who takes which branch is fixed by a hash of the profile (not the seed), so the groups are
 * the same in every replication; we average each branch's runs and conversions over the traced
 * replications and compare the branches as independent proportions (Newcombe's interval), whose
 * binomial spread covers both who happened to land in each group and their simulated behaviour.
 */
export function compareSplitBranches(view: VariantView, confidence: number): SplitComparison[] {
  if (view.tallies === null || view.tracedReplications === 0) return [];
  const n = view.tracedReplications;
  const out: SplitComparison[] = [];
  for (const [stepId, paths] of pathsByStep(view.tallies, 'random_split')) {
    const sorted = [...paths].sort((a, b) => (a.branch < b.branch ? -1 : 1));
    // Means per replication, unrounded: the rate is that of the runs taken (converted over
    // entered, summed over replications), never a ratio of two rounded means (2.33 runs and
    // 0.67 conversions are 28.6 %, not "1 of 2").
    const groups = sorted.map((p) => ({
      branch: p.branch,
      entered: p.entered / n,
      converted: p.converted / n,
      rate: p.entered > 0 ? p.converted / p.entered : 0,
    }));
    const base = groups[0];
    out.push({
      stepId,
      stepLabel: sorted[0]?.stepLabel ?? stepId,
      branches: groups.map((g, i) => ({
        ...g,
        versusFirst:
          i === 0 || base === undefined || base.entered === 0 || g.entered === 0
            ? null
            : compareProportions(
                { successes: base.converted, total: base.entered },
                { successes: g.converted, total: g.entered },
                confidence,
              ),
      })),
    });
  }
  return out;
}

/** NPS of the runs that took one branch of a split. */
export interface PathNps {
  path: string;
  responses: number;
  nps: number;
}

/** Simulated NPS per branch of every split whose runs answered a survey. */
export function npsByPath(view: VariantView): PathNps[] {
  if (view.tallies === null) return [];
  const out: PathNps[] = [];
  for (const p of Object.values(view.tallies.paths)) {
    const responses = p.npsScores.reduce((a, b) => a + b, 0);
    if (responses === 0) continue;
    const promoters = (p.npsScores[9] ?? 0) + (p.npsScores[10] ?? 0);
    const detractors = p.npsScores.slice(0, 7).reduce((a, b) => a + b, 0);
    out.push({
      path: `${p.stepLabel} → ${p.branch}`,
      responses,
      nps: (100 * (promoters - detractors)) / responses,
    });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * The journey's extra purchases per profile for the CLV projection: each traced converter's
 * mean conversions per traced replication, scaled up to all conversions when only a sample was
 * traced, times the share of conversions the journey caused.
 */
export function clvEffects(
  view: VariantView,
): { id: string; extraPurchases: number; extraRevenue: number }[] {
  if (view.tallies === null || view.tracedReplications === 0) return [];
  const n = view.tracedReplications;
  const converters = Object.entries(view.tallies.converters);
  const tracedConversions = converters.reduce((a, [, c]) => a + c.conversions, 0) / n;
  const scale = tracedConversions > 0 ? view.meanConversions / tracedConversions : 0;
  const factor = scale * view.attributableShare;
  return converters.map(([id, c]) => ({
    id,
    extraPurchases: (c.conversions / n) * factor,
    extraRevenue: (c.revenue / n) * factor,
  }));
}
