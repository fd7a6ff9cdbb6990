import { CHANNELS } from '../channels.ts';
import { keepSmallest, STOPPED_IDS_KEPT } from './counters.ts';
import { deriveFigures } from './derive.ts';
import type { SimulationResult } from './result-schema.ts';
import type { ProfileTrace } from './trace.ts';

function addArrays(into: number[], from: readonly number[]): void {
  for (let i = 0; i < from.length; i++) into[i] = (into[i] ?? 0) + (from[i] as number);
}

function addRecord(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/**
 * Keeps requested traces and the `limit` sampled ones with the smallest keys, in key order;
 * `sampled` is set again to whether a trace is in that sample.
 */
export function selectTraces(traces: readonly ProfileTrace[], limit: number): ProfileTrace[] {
  const byId = new Map<string, ProfileTrace>();
  for (const t of traces) if (!byId.has(t.profileId)) byId.set(t.profileId, t);
  const sorted = [...byId.values()].sort((a, b) =>
    a.sampleKey !== b.sampleKey ? a.sampleKey - b.sampleKey : a.profileId < b.profileId ? -1 : 1,
  );
  let taken = 0;
  const out: ProfileTrace[] = [];
  for (const t of sorted) {
    const inSample = t.sampled && taken < limit;
    if (inSample) taken++;
    t.sampled = inSample;
    if (inSample || t.requested) out.push(t);
  }
  return out;
}

/**
 * Merges partition results into the result of one run over all their profiles: tallies add up,
 * derived figures are recomputed, traces are re-selected. Bit-for-bit equal to the single run.
 */
export function mergeResults(results: readonly SimulationResult[]): SimulationResult {
  const first = results[0];
  if (first === undefined) throw new RangeError('mergeResults needs at least one result');
  const out = structuredClone(first);
  out.partition = null;
  for (const r of results.slice(1)) {
    if (r.journey.id !== out.journey.id || r.start !== out.start || r.end !== out.end) {
      throw new RangeError('cannot merge results of different journeys or periods');
    }
    out.profiles += r.profiles;
    out.profilesEntered += r.profilesEntered;
    out.controlProfiles += r.controlProfiles;
    out.entries += r.entries;
    out.controlEntries += r.controlEntries;
    addRecord(out.entriesRefused, r.entriesRefused);
    out.stopped.profiles += r.stopped.profiles;
    addRecord(out.stopped.byStep, r.stopped.byStep);
    for (const id of r.stopped.profileIds)
      keepSmallest(out.stopped.profileIds, id, STOPPED_IDS_KEPT);
    for (const [id, step] of Object.entries(r.steps)) {
      const into = out.steps[id];
      if (into === undefined) {
        out.steps[id] = structuredClone(step);
        continue;
      }
      into.entered += step.entered;
      into.waiting += step.waiting;
      into.exited += step.exited;
      into.units = (into.units ?? into.sent) + (step.units ?? step.sent);
      into.sent += step.sent;
      addRecord(into.byBranch, step.byBranch);
      addRecord(into.exitedBy, step.exitedBy);
    }
    addRecord(out.edgeCounts, r.edgeCounts);
    for (const c of CHANNELS) {
      const into = out.channels[c];
      const from = r.channels[c];
      if (into === undefined || from === undefined) continue;
      into.sent += from.sent;
      into.delivered += from.delivered;
      into.opened += from.opened;
      into.clicked += from.clicked;
      into.unsubscribed += from.unsubscribed;
      addRecord(into.suppressed, from.suppressed);
      addRecord(into.deferredDropped, from.deferredDropped);
      addArrays(out.sendsPerDay[c] ?? [], r.sendsPerDay[c] ?? []);
    }
    if (out.goal !== null && r.goal !== null) {
      out.goal.conversions += r.goal.conversions;
      out.goal.revenueCents += r.goal.revenueCents;
      out.goal.control.conversions += r.goal.control.conversions;
      out.goal.control.revenueCents += r.goal.control.revenueCents;
      addArrays(out.goal.timeToConvertHours.histogram, r.goal.timeToConvertHours.histogram);
    }
    addArrays(out.entriesPerDay, r.entriesPerDay);
    addArrays(out.conversionsPerDay, r.conversionsPerDay);
    addArrays(out.messagesPerProfile, r.messagesPerProfile);
    addArrays(out.nps.scores, r.nps.scores);
    out.traces.push(...structuredClone(r.traces));
  }
  out.traces = selectTraces(out.traces, out.traceSample);
  return deriveFigures(out);
}
