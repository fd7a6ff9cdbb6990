import type { EventTimeline } from './event-timeline.ts';
import type { Firing } from './next-firing.ts';
import type { SimulationPlan } from './plan.ts';
import type { ProfileColumns } from './profile-columns.ts';
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
    this.byName = triggers.length === 1 && this.matches[0] === null;
  }

  /** One trigger that fires on every event of its name: its firings are read by name alone. */
  private readonly byName: boolean;

  /**
   * {@link count} from the entry made by the profile's own event `first + seq` of `columns` (its
   * events are `first` to `last`), for a plan whose one trigger fires on every event of its
   * name: one walk of the name and time columns from the next event. Returns false, counting
   * nothing, for other plans.
   */
  countByName(
    columns: ProfileColumns,
    first: number,
    last: number,
    seq: number,
    end: number,
    split: number,
    out: Float64Array,
  ): boolean {
    if (!this.byName) return false;
    const named = this.namedOf(columns.names)[0] as Uint8Array;
    const { eventAt, eventName } = columns;
    let k = first + seq + 1;
    let before = 0;
    let later = 0;
    for (; k < last; k++) {
      const at = eventAt[k] as number;
      if (at >= end) break;
      if (named[eventName[k] as number] !== 1) continue;
      if (at < split) before++;
      else later++;
    }
    out[0] = before;
    out[1] = later;
    return true;
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
    const named = this.namedOf(timeline.names as readonly string[]);
    timeline.countReal(named, this.matches, after, afterSeq, end, split, out);
  }

  /** Per trigger, its own test on an event (null: its name is enough). */
  private readonly matches: readonly (EventTrigger['match'] | null)[];

  /** Per trigger: which of the columns' event names fire it. */
  private namedOf(names: readonly string[]): Uint8Array[] {
    if (this.namedFor !== names) this.markNamed(names);
    return this.named;
  }

  /**
   * Works out {@link named} for `names`. Its own method: a closure over `names` in
   * {@link namedOf} would make V8 allocate a context for it on every call, not only on a change
   * (40 bytes per entrant, ~1.3 MB per bench run).
   */
  private markNamed(names: readonly string[]): void {
    this.namedFor = names;
    this.named = this.triggers.map((t) => Uint8Array.from(names, (n) => (n === t.name ? 1 : 0)));
  }

  /**
   * As `nextFiring` over a timeline read from columns: the first firing after position
   * (`after`, `afterSeq`) and before `end`, by time, then sequence, then trigger order. Returns
   * its time (Infinity: none) and writes its trigger and sequence to `out`.
   */
  next(timeline: EventTimeline, after: number, afterSeq: number, end: number, out: Firing): number {
    const named = this.namedOf(timeline.names as readonly string[]);
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
