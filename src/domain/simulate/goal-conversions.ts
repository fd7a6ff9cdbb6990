import type { ProfileEvent } from '../profiles/profile.ts';
import { bump, type Counters } from './counters.ts';
import { ownGoalAfterEntry } from './own-goal-search.ts';
import type { SimulationPlan } from './plan.ts';
import type { ProfileColumns } from './profile-columns.ts';
import type { ProfileState } from './profile-state.ts';
import { centsOf, RevenueTally } from './revenue-tally.ts';
import type { StepTracer } from './step-tracer.ts';

const NEVER = Number.POSITIVE_INFINITY;
const HOUR_MS = 3_600_000;

/** Counts each run's goal conversion (spec §3.4) into {@link Counters}, with its revenue. */
export class GoalConversions {
  /** Revenue of conversions, added in order once their amounts are read (see {@link settle}). */
  private readonly revenue: RevenueTally;
  /** The columns' index of the goal's event name (-1: no profile has one), for {@link goalIdOf}'s names. */
  private goalIdOf: readonly string[] | null = null;
  private goalIdFound = -1;

  constructor(
    private readonly plan: SimulationPlan,
    private readonly state: ProfileState,
    private readonly counters: Counters,
  ) {
    this.revenue = new RevenueTally(counters);
  }

  /** Completes the counters: call before reading them. */
  settle(): void {
    this.revenue.settle();
  }

  /**
   * Counts the goal conversion of the run that entered at `entryAt`: `ended`, the event that
   * ended it, or else the first goal event in its window before the next entry; `seq` is the
   * history index of the event that made the entry.
   */
  count(
    entryAt: number,
    nextEntry: number,
    seq: number,
    ended: ProfileEvent | null,
    tracer: StepTracer | null,
  ): void {
    const goal = this.plan.goal;
    if (goal === null) return;
    const state = this.state;
    const timeline = state.timeline;
    let e: ProfileEvent | null = ended;
    let at: number;
    /** The profile's own goal event, by its index, when its object is not read yet. */
    let own = -1;
    if (ended !== null) at = ended.at;
    else {
      const to = Math.min(entryAt + goal.windowMs, nextEntry, this.plan.end - 1);
      const columns = timeline.source;
      if (goal.byName && columns !== null && state.goalsAdded === 0) {
        // No simulated goal event: the profile's own first one after the entry's event, by name
        // in the columns (a real event's object is read only for its amount).
        const k = ownGoalAfterEntry(columns, state.index, seq, this.goalId(columns), entryAt, to);
        if (k < 0) return;
        at = columns.eventAt[k] as number;
        own = k - (columns.eventStart[state.index] as number);
      } else if (goal.byName && columns !== null) {
        // By name in the columns: a real event's object is read only for its amount.
        at = timeline.findNamed(entryAt, to, goal.event);
        if (at === NEVER) return;
        e = timeline.foundSimulated;
        own = timeline.foundIndex;
      } else {
        e = timeline.find(entryAt, to, goal.event, goal.match) ?? null;
        if (e === null) return;
        at = e.at;
      }
    }
    const c = this.counters;
    const control = state.control;
    if (e === null && tracer === null) {
      const columns = state.columns;
      // An entrant not built yet: its event object is read later, with others' (no cold read
      // here). Objects held in memory only: a stored entrant would be decoded twice if a later
      // step read it too.
      if (!state.built && columns !== null && columns.objectsHeld === true)
        this.revenue.addColumnEvent(columns, state.index, own, control);
      else this.revenue.addEvent(timeline.real, own, control);
    } else {
      e ??= timeline.real[own] as ProfileEvent;
      this.revenue.add(centsOf(e.props?.['amount']), control);
      const amount = e.props?.['amount'];
      tracer?.converted(at, typeof amount === 'number' ? amount : null);
    }
    if (control) c.controlConversions++;
    else {
      c.conversions++;
      c.onDay(c.conversionsPerDay, this.plan.start, at);
      const bucket = Math.min(c.convertBuckets - 1, Math.floor((at - entryAt) / HOUR_MS));
      bump(c.timeToConvert, bucket);
    }
  }

  private goalId(columns: ProfileColumns): number {
    if (this.goalIdOf !== columns.names) {
      this.goalIdOf = columns.names;
      this.goalIdFound = columns.names.indexOf(
        (this.plan.goal as NonNullable<SimulationPlan['goal']>).event,
      );
    }
    return this.goalIdFound;
  }
}
