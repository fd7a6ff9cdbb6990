import type { EventTimeline } from './event-timeline.ts';
import type { Firing } from './next-firing.ts';
import type { SimulationPlan } from './plan.ts';
import { AFTER_EVENTS, type TriggerPlan } from './trigger-plan.ts';

type EventTrigger = NonNullable<TriggerPlan['event']>;

/**
 * `nextFiring` for plans whose every trigger fires on the profile's own events, read from the
 * event columns instead of asking each trigger's `nextAt` to walk the event objects.
 */
export class ColumnFirings {
  /** Per trigger: which of {@link namedFor}'s names fire it. */
  private named: Uint8Array[] = [];
  private namedFor: readonly string[] | null = null;

  /** The firings of `plan`, or null when a trigger is not an event trigger. */
  static for(plan: SimulationPlan): ColumnFirings | null {
    const triggers: EventTrigger[] = [];
    for (const t of plan.triggers) {
      if (t.event === undefined) return null;
      triggers.push(t.event);
    }
    return new ColumnFirings(triggers);
  }

  private constructor(private readonly triggers: readonly EventTrigger[]) {
    this.matches = triggers.map((t) => t.match);
  }

  /**
   * How many firings {@link next} would give one after another from position (`after`,
   * `afterSeq`) before `end`: those before `split` in `out[0]`, the others in `out[1]`.
   */
  count(
    timeline: EventTimeline,
    after: number,
    afterSeq: number,
    end: number,
    split: number,
    out: Float64Array,
  ): void {
    timeline.countReal(this.namedOf(timeline), this.matches, after, afterSeq, end, split, out);
  }

  /** Per trigger, its own test on an event (null: its name is enough). */
  private readonly matches: readonly (EventTrigger['match'] | null)[];

  /** Per trigger: which of the timeline's column names fire it. */
  private namedOf(timeline: EventTimeline): Uint8Array[] {
    const names = timeline.names as readonly string[];
    if (this.namedFor !== names) {
      this.namedFor = names;
      this.named = this.triggers.map((t) => Uint8Array.from(names, (n) => (n === t.name ? 1 : 0)));
    }
    return this.named;
  }

  /**
   * As `nextFiring` over a timeline read from columns: the first firing after position
   * (`after`, `afterSeq`) and before `end`, by time, then sequence, then trigger order. Returns
   * its time (Infinity: none) and writes its trigger and sequence to `out`.
   */
  next(timeline: EventTimeline, after: number, afterSeq: number, end: number, out: Firing): number {
    const named = this.namedOf(timeline);
    let best = Number.POSITIVE_INFINITY;
    let bestSeq = AFTER_EVENTS;
    let bestTrigger = -1;
    for (let i = 0; i < named.length; i++) {
      const t = timeline.nextReal(
        named[i] as Uint8Array,
        (this.triggers[i] as EventTrigger).match,
        after,
        afterSeq,
        end,
      );
      if (
        t < best ||
        (t === best && t !== Number.POSITIVE_INFINITY && timeline.lastSeq < bestSeq)
      ) {
        best = t;
        bestSeq = timeline.lastSeq;
        bestTrigger = i;
      }
    }
    out.seq = bestSeq;
    if (bestTrigger >= 0) out.trigger = bestTrigger;
    return best;
  }
}
