import { DAY_MS } from '../../domain/conditions/time.ts';
import type { WorkspaceFrequencyCap } from '../../domain/contract/executor-contract.ts';
import type { SimulationPlan } from '../../domain/simulate/plan.ts';
import { capRuleOf } from '../../domain/simulate/send-rules.ts';

/** Sends are remembered at least this long, so a cap turned on later counts what came before. */
const MIN_RETENTION_MS = 30 * DAY_MS;

/**
 * The messages one profile received from every journey, `[at, channel index]` in time order: what
 * the workspace frequency cap counts (spec §4). Stored on the profile's row.
 */
export class MessageHistory {
  private readonly entries: [number, number][];

  constructor(stored: readonly (readonly [number, number])[]) {
    this.entries = stored.map(([at, c]) => [at, c]);
    this.entries.sort((a, b) => a[0] - b[0]);
  }

  record(at: number, channel: number): void {
    let i = this.entries.length;
    while (i > 0 && (this.entries[i - 1] as [number, number])[0] > at) i--;
    this.entries.splice(i, 0, [at, channel]);
  }

  /** Messages in `(t − periodMs, t]`, on `channel` or on any channel when it is negative. */
  sendsWithin(t: number, periodMs: number, channel: number): number {
    let n = 0;
    for (const [at, c] of this.entries)
      if (at > t - periodMs && at <= t && (channel < 0 || c === channel)) n++;
    return n;
  }

  /** What is still worth keeping at `now`. */
  recent(now: number, rule: SimulationPlan['cap']): [number, number][] {
    let keep = Math.max(MIN_RETENTION_MS, rule.periodMs);
    for (const p of rule.channelPeriodMs) keep = Math.max(keep, p);
    return this.entries.filter(([at]) => at > now - keep);
  }
}

/** The workspace cap a batch applies, and the history of the profile being advanced. */
export interface WorkspaceCap {
  rule: SimulationPlan['cap'];
  history: MessageHistory;
}

export function workspaceCapOf(
  cap: WorkspaceFrequencyCap,
  stored: readonly (readonly [number, number])[],
): WorkspaceCap {
  return { rule: capRuleOf(cap), history: new MessageHistory(stored) };
}
