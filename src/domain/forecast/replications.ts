import { CHANNEL_LABELS, CHANNELS, type Channel } from '../channels.ts';
import type { SimulationResult } from '../simulate/result-schema.ts';
import { compareVariants, type VariantComparison } from './compare-variants.ts';
import { messagesPerProfilePerWeek } from './fatigue.ts';
import { summariseReplications, type ReplicationSummary } from './statistics.ts';

/** How a KPI's value reads: a share (0–1), money, a count, a plain number or an NPS score. */
export type KpiUnit = 'share' | 'money' | 'count' | 'number' | 'score' | 'ratio';

/** A KPI the forecast reports. */
export interface KpiDefinition {
  /** Stable key, e.g. `conversionRate` or `cost.email`. */
  key: string;
  /** Label for cards and tables. */
  label: string;
  unit: KpiUnit;
  /** Which direction is good; `neither` for volumes such as messages sent. */
  better: 'higher' | 'lower' | 'neither';
  /** Group on the page. */
  group: 'outcome' | 'cost' | 'fatigue' | 'experience';
}

/** One replication's KPI values by key; NaN where the KPI has no value (no goal, zero cost). */
export type KpiValues = Record<string, number>;

const BASE_KPIS: readonly KpiDefinition[] = [
  {
    key: 'conversionRate',
    label: 'Conversion rate',
    unit: 'share',
    better: 'higher',
    group: 'outcome',
  },
  { key: 'conversions', label: 'Conversions', unit: 'count', better: 'higher', group: 'outcome' },
  { key: 'revenue', label: 'Revenue', unit: 'money', better: 'higher', group: 'outcome' },
  {
    key: 'uplift',
    label: 'Uplift over control',
    unit: 'share',
    better: 'higher',
    group: 'outcome',
  },
  { key: 'cost', label: 'Total cost', unit: 'money', better: 'lower', group: 'cost' },
  {
    key: 'costPerConversion',
    label: 'Cost per conversion',
    unit: 'money',
    better: 'lower',
    group: 'cost',
  },
  {
    key: 'returnOnSpend',
    label: 'Return on spend',
    unit: 'ratio',
    better: 'higher',
    group: 'cost',
  },
  { key: 'messages', label: 'Messages sent', unit: 'count', better: 'neither', group: 'fatigue' },
  {
    key: 'messagesPerProfilePerWeek',
    label: 'Messages per profile per week',
    unit: 'number',
    better: 'lower',
    group: 'fatigue',
  },
  { key: 'unsubscribes', label: 'Unsubscribes', unit: 'count', better: 'lower', group: 'fatigue' },
  {
    key: 'npsSimulated',
    label: 'NPS (simulated answers)',
    unit: 'score',
    better: 'higher',
    group: 'experience',
  },
];

/** The KPI key of one channel's cost. */
export function channelCostKey(channel: Channel): string {
  return `cost.${channel}`;
}

/** Channels a result's journey sends on (steps with a channel), in display order. */
export function journeyChannels(result: SimulationResult): Channel[] {
  const used = new Set<Channel>();
  for (const step of Object.values(result.steps)) if (step.channel !== null) used.add(step.channel);
  return CHANNELS.filter((c) => used.has(c));
}

/**
 * The KPIs a forecast of this result reports: the fixed business KPIs, then one cost per
 * channel the journey sends on. KPIs that cannot have a value are left out: goal KPIs without
 * a goal, uplift without a control group, simulated NPS without an NPS survey step.
 */
export function kpiDefinitions(result: SimulationResult): KpiDefinition[] {
  const hasNps = Object.values(result.steps).some((s) => s.kind === 'nps_survey');
  const out = BASE_KPIS.filter((k) => {
    if (
      ['conversionRate', 'conversions', 'revenue', 'costPerConversion', 'returnOnSpend'].includes(
        k.key,
      )
    )
      return result.goal !== null;
    if (k.key === 'uplift') return result.goal !== null && result.controlEntries > 0;
    if (k.key === 'npsSimulated') return hasNps;
    return true;
  });
  for (const channel of journeyChannels(result)) {
    out.push({
      key: channelCostKey(channel),
      label: `Cost: ${CHANNEL_LABELS[channel]}`,
      unit: 'money',
      better: 'lower',
      group: 'cost',
    });
  }
  return out;
}

/**
 * Reads every forecast KPI off one simulation result (a whole or merged run). Rates are shares
 * from 0 to 1; costs and revenue in the currency of the assumptions; messages per profile per
 * week are over the profiles that entered and the simulated horizon. Values with no meaning in
 * this run (cost per conversion without conversions, return on spend without cost, NPS without
 * answers) are NaN.
 */
export function extractKpis(result: SimulationResult): KpiValues {
  const channels = journeyChannels(result);
  let cost = 0;
  let messages = 0;
  let unsubscribes = 0;
  const out: KpiValues = {};
  for (const c of CHANNELS) {
    const ch = result.channels[c];
    if (ch === undefined) continue;
    cost += ch.cost;
    messages += ch.sent;
    unsubscribes += ch.unsubscribed;
  }
  for (const c of channels) out[channelCostKey(c)] = result.channels[c]?.cost ?? 0;
  const goal = result.goal;
  const conversions = goal?.conversions ?? 0;
  const revenue = goal?.revenue ?? 0;
  out['conversionRate'] = goal?.rate ?? NaN;
  out['conversions'] = goal === null ? NaN : conversions;
  out['revenue'] = goal === null ? NaN : revenue;
  out['uplift'] = goal?.uplift ?? NaN;
  out['cost'] = cost;
  out['costPerConversion'] = goal !== null && conversions > 0 ? cost / conversions : NaN;
  out['returnOnSpend'] = goal !== null && cost > 0 ? revenue / cost : NaN;
  out['messages'] = messages;
  out['messagesPerProfilePerWeek'] = messagesPerProfilePerWeek(
    messages,
    result.profilesEntered,
    result.horizonDays,
  );
  out['unsubscribes'] = unsubscribes;
  out['npsSimulated'] = result.nps.score ?? NaN;
  return out;
}

/** The finite values of one KPI over replications, in replication order. */
export function kpiSeries(replications: readonly KpiValues[], key: string): number[] {
  const out: number[] = [];
  for (const r of replications) {
    const v = r[key];
    if (v !== undefined && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** Each KPI's {@link ReplicationSummary} over replications, NaN values left out; KPIs with no value at all are omitted. */
export function summariseKpis(
  replications: readonly KpiValues[],
  keys: readonly string[],
): Record<string, ReplicationSummary> {
  const out: Record<string, ReplicationSummary> = {};
  for (const key of keys) {
    const values = kpiSeries(replications, key);
    if (values.length > 0) out[key] = summariseReplications(values);
  }
  return out;
}

/** The KPI series the early-stopping rule watches, keyed by KPI (see `intervalsTightEnough`). */
export function stoppingSeries(
  replications: readonly KpiValues[],
  keys: readonly string[],
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const key of keys) {
    const values = kpiSeries(replications, key);
    if (values.length > 0) out[key] = values;
  }
  return out;
}

/**
 * Paired comparisons B − A of every KPI over replications that share seeds (replication i of A
 * and of B ran with the same seed on the same profiles). Only pairs where both values are finite
 * count; KPIs with fewer than two such pairs are omitted.
 */
export function compareKpis(
  a: readonly KpiValues[],
  b: readonly KpiValues[],
  keys: readonly string[],
  confidence = 0.9,
): Record<string, VariantComparison> {
  const out: Record<string, VariantComparison> = {};
  const n = Math.min(a.length, b.length);
  for (const key of keys) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = a[i]?.[key];
      const y = b[i]?.[key];
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y))
        continue;
      xs.push(x);
      ys.push(y);
    }
    if (xs.length >= 2) out[key] = compareVariants(xs, ys, { confidence });
  }
  return out;
}

/** One day of the sends-per-day band. */
export interface DailyBand {
  /** Day index from the simulated start. */
  day: number;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

/** Total sends per simulated day (all channels) of one result. */
export function totalSendsPerDay(result: SimulationResult): number[] {
  const out = new Array<number>(Math.max(1, Math.ceil(result.horizonDays))).fill(0);
  for (const c of CHANNELS) {
    const days = result.sendsPerDay[c] ?? [];
    for (let d = 0; d < days.length && d < out.length; d++) out[d] = (out[d] ?? 0) + (days[d] ?? 0);
  }
  return out;
}

/**
 * The sends-per-day band over replications: for each day the mean and P10 / P50 / P90 of the
 * total sends that day across replications.
 */
export function sendsPerDayBand(perReplication: readonly (readonly number[])[]): DailyBand[] {
  const days = Math.max(0, ...perReplication.map((r) => r.length));
  const out: DailyBand[] = [];
  for (let day = 0; day < days; day++) {
    const s = summariseReplications(perReplication.map((r) => r[day] ?? 0));
    out.push({ day, mean: s.mean, p10: s.p10, p50: s.p50, p90: s.p90 });
  }
  return out;
}
