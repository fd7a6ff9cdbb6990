import { CHANNELS, CHANNEL_LABELS } from '../channels.ts';
import type { TraceWhy } from './trace.ts';
import { DAY_MS } from '../conditions/time.ts';
import type { ProfileEvent, Scalar } from '../profiles/profile.ts';
import {
  bump,
  CLICKED,
  DELIVERED,
  DROPPED_CAP,
  FREQUENCY_CAP,
  OPENED,
  QUIET_DEFERRED,
  QUIET_DROPPED,
  SENT,
  UNREACHABLE,
  UNSUBSCRIBED,
  UNSUBSCRIBED_CAUSE,
  type Counters,
} from './counters.ts';
import type { SimulationPlan } from './plan.ts';
import type { MessagePlan } from './plan-step.ts';
import type { ProfileState } from './profile-state.ts';
import type { ProfileRandom } from './seeded.ts';
import { formatTime } from './trace.ts';
import { cappedBy, quietHoursEnd } from './send-rules.ts';
import { KEEP } from './simulated-reads.ts';

/** `gate` result: the message is not sent and the profile moves on. */
export const SUPPRESSED = -1;

function factor(value: unknown): number {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : 1;
}

/** The mean numeric `amount` of the events named `name`, in order (0: none has one). */
function meanAmount(events: readonly ProfileEvent[], name: string): number {
  let sum = 0;
  let n = 0;
  for (const e of events) {
    const a = e.props?.['amount'];
    if (e.name === name && typeof a === 'number') {
      sum += a;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n;
}

/**
 * Sends messages for the simulator: the suppression checks in spec order, the frequency cap at
 * send time, then the behaviour draws whose simulated events join the profile's timeline.
 */
export class MessageSender {
  /** Reason text for traces, written only when `tracing` is on. */
  reason = '';
  /** The same reason as codes and values, for the app to word. */
  why: TraceWhy[] = [];
  tracing = false;
  private averageSpend = Number.NaN;

  /**
   * The plan's settings `gate` and `send` read on every message, held here: one load each
   * instead of a walk through the plan per send.
   */
  private readonly quietOn: boolean;
  private readonly capOn: boolean;
  private readonly goal: SimulationPlan['goal'];
  private readonly propensity: SimulationPlan['propensity'];
  private readonly start: number;
  private readonly days: number;
  private readonly sendsPerDay: Float64Array;

  constructor(
    private readonly plan: SimulationPlan,
    private readonly state: ProfileState,
    private readonly counters: Counters,
    private readonly random: ProfileRandom,
  ) {
    this.quietOn = plan.quiet.enabled;
    this.capOn = plan.cap.enabled;
    this.goal = plan.goal;
    this.propensity = plan.propensity;
    this.start = plan.start;
    this.days = counters.days;
    this.sendsPerDay = counters.sendsPerDay;
  }

  /**
   * Completes the counters: a step billed one unit a message (every channel but SMS) has as many
   * units as sends, so `send` tallies units only for the steps that bill otherwise.
   */
  settle(): void {
    const { stepSent, stepUnits } = this.counters;
    for (const step of this.plan.steps)
      if (step.message !== null && step.message.billedUnits === null)
        stepUnits[step.index] = stepSent[step.index] as number;
  }

  /** Starts on a new profile. */
  reset(): void {
    this.averageSpend = Number.NaN;
    this.clearWords();
  }

  /**
   * Forgets the last step's reason, once a trace took it. Untraced, nothing writes one, so no
   * list is made per step.
   */
  clearWords(): void {
    if (this.reason !== '') this.reason = '';
    if (this.why.length !== 0 || this.tracing) this.why = [];
  }

  /**
   * Checks control group, reachability, unsubscribes and quiet hours at `t`. Returns
   * {@link SUPPRESSED}, `t` (send now) or a later time to send at (deferred by quiet hours).
   */
  gate(m: MessagePlan, t: number): number {
    const c = m.channel;
    const state = this.state;
    // The rare outcomes are calls of their own: a short `gate` is one V8 inlines.
    if (!state.reachable(c, CHANNELS[c] ?? 'email')) return this.suppress(c, UNREACHABLE);
    if ((state.unsubscribedAt[c] as number) <= t) return this.suppress(c, UNSUBSCRIBED_CAUSE);
    return this.quietOn && m.quiet ? this.quietGate(c, t) : t;
  }

  /** Counts a message suppressed on channel `c` for `cause` (unreachable or unsubscribed). */
  private suppress(c: number, cause: number): number {
    this.counters.suppress(c, cause);
    if (this.tracing) {
      const channel = CHANNELS[c] ?? 'email';
      const label = CHANNEL_LABELS[channel];
      const unreachable = cause === UNREACHABLE;
      this.reason = unreachable
        ? `not sent: not reachable by ${label} (contact or consent missing)`
        : `not sent: unsubscribed from ${label}`;
      this.why = [{ code: unreachable ? 'notReachable' : 'unsubscribed', values: { channel } }];
    }
    return SUPPRESSED;
  }

  /** {@link gate}'s quiet hours on channel `c` at `t`: `t`, the end of the quiet hours, or {@link SUPPRESSED}. */
  private quietGate(c: number, t: number): number {
    const quiet = this.plan.quiet;
    const zone = this.state.zone();
    const at = quietHoursEnd(quiet, zone, t);
    if (at === null) return t;
    if (quiet.drop) {
      this.counters.suppress(c, QUIET_DROPPED);
      if (this.tracing) {
        this.reason = `not sent: quiet hours in ${zone.zone}, dropped`;
        this.why = [{ code: 'quietDropped', values: { zone: zone.zone } }];
      }
      return SUPPRESSED;
    }
    // Counted when it is sent (see `send`): a run may end before then.
    if (this.tracing) {
      this.reason = `quiet hours in ${zone.zone}: deferred to ${formatTime(at)}`;
      this.why = [{ code: 'quietDeferred', values: { zone: zone.zone, at } }];
    }
    return at;
  }

  /**
   * Applies the frequency cap at the send time, then sends and draws what the message brings
   * about: delivery, open, click, unsubscribe, NPS answer and conversion. Returns false when capped.
   * `deferred`: quiet hours held it until `t`, so it counts as deferred once sent, or as
   * deferred-then-dropped when the cap refuses it now.
   */
  send(m: MessagePlan, t: number, stepIndex: number, deferred = false): boolean {
    // Tracing and the cap are calls of their own, so the untraced send stays short.
    if (this.capOn && m.capped && this.capRefuses(m, t, deferred)) return false;
    const c = m.channel;
    const { counters, state } = this;
    counters.count(c, SENT);
    if (deferred) counters.suppress(c, QUIET_DEFERRED);
    bump(counters.stepSent, stepIndex);
    // One unit a send is added up once, by `settle`.
    if (m.billedUnits !== null)
      counters.stepUnits[stepIndex] =
        (counters.stepUnits[stepIndex] as number) + m.billedUnits(state, t);
    state.messages++;
    const day = Math.floor((t - this.start) / DAY_MS);
    const days = this.days;
    if (day >= 0 && day < days) bump(this.sendsPerDay, c * days + day);
    // Only the frequency cap reads the sends back.
    if (m.capped && this.capOn) state.recordSend(t, c);
    // The behaviour draws, in this order (a call of their own costs a few percent of a run).
    const r = this.random;
    const end = this.plan.end;
    const tracing = this.tracing;
    if (r.next() >= m.deliveredRate) {
      if (tracing) this.traceNotDelivered();
      return true;
    }
    const deliveredAt = t + m.deliveryDelayMs;
    if (deliveredAt >= end) return true;
    counters.count(c, DELIVERED);
    if (this.keeps(m, KEEP.delivered)) this.add(m.deliveredEvent, deliveredAt, m.props);
    if (tracing) this.traced('delivered', { code: 'delivered' });
    const p = this.propensity;
    const scale = p === null ? 1 : factor(p.read(state.view));
    let engagedAt = deliveredAt;
    let engaged = true;
    if (m.hasOpen) {
      engaged = r.next() < m.openRate * (p?.open === true ? scale : 1);
      if (engaged) {
        engagedAt = deliveredAt + r.exponential(m.openDelayMs);
        engaged = engagedAt < end;
        if (engaged) {
          counters.count(c, OPENED);
          if (this.keeps(m, KEEP.opened)) this.add(m.openedEvent, engagedAt, m.props);
          if (tracing) this.tracedAt('opened', 'opened', engagedAt);
        }
      }
    }
    if (engaged && m.hasClick) {
      engaged = r.next() < m.clickRate * (p?.click === true ? scale : 1);
      if (engaged) {
        engagedAt += r.exponential(m.clickDelayMs);
        engaged = engagedAt < end;
        if (engaged) {
          counters.count(c, CLICKED);
          if (this.keeps(m, KEEP.clicked)) this.add(m.clickedEvent, engagedAt, m.props);
          if (tracing) this.tracedAt('clicked', 'clicked', engagedAt);
        }
      }
    }
    if (m.hasUnsubscribe && r.next() < m.unsubscribeRate) {
      const at = deliveredAt + r.exponential(m.openDelayMs);
      if (at < end) {
        counters.count(c, UNSUBSCRIBED);
        if (this.keeps(m, KEEP.unsubscribed)) this.add(m.unsubscribedEvent, at, m.props);
        state.unsubscribe(c, at);
        if (tracing) this.tracedAt('unsubscribed', 'unsubscribedAt', at);
      }
    }
    if (m.nps && r.next() < this.plan.options.nps.answerRate) this.npsAnswer(m, deliveredAt);
    const goal = this.goal;
    if (
      engaged &&
      goal !== null &&
      r.next() < m.conversionRate * (p?.conversion === true ? scale : 1)
    )
      this.convert(m, goal.event, engagedAt);
    if (tracing) this.traceSent();
    return true;
  }

  /** {@link send}'s frequency cap: true (counted, and traced) when it refuses the message. */
  private capRefuses(m: MessagePlan, t: number, deferred: boolean): boolean {
    const c = m.channel;
    const overall = cappedBy(this.plan.cap, this.state, c, t);
    if (overall < 0) return false;
    this.counters.suppress(c, FREQUENCY_CAP);
    if (deferred) this.counters.dropDeferred(c, DROPPED_CAP);
    if (this.tracing) {
      this.reason = `${this.reason ? `${this.reason}; ` : ''}not sent: frequency cap (${overall} sent in the period)`;
      this.why.push({ code: 'capped', values: { count: overall } });
    }
    return true;
  }

  /** An NPS answer to a message delivered at `deliveredAt`: its delay and score drawn, in that order. */
  private npsAnswer(m: MessagePlan, deliveredAt: number): void {
    const r = this.random;
    const at = deliveredAt + r.exponential(m.openDelayMs);
    const u = r.next();
    let score = 0;
    while (score < 10 && u >= (this.plan.npsCumulative[score] as number)) score++;
    if (at >= this.plan.end) return;
    bump(this.counters.npsScores, score);
    if (this.keeps(m, KEEP.nps))
      this.add('nps_response', at, m.npsProps[score] as Record<string, Scalar>);
    if (this.tracing)
      this.traced(`answered NPS ${score}`, { code: 'npsAnswer', values: { score } });
  }

  /** A conversion brought about by a message engaged with at `engagedAt`: its delay, then its amount. */
  private convert(m: MessagePlan, goalEvent: string, engagedAt: number): void {
    const at = engagedAt + this.random.exponential(m.conversionDelayMs);
    if (at >= this.plan.end) return;
    const amount = this.amount(goalEvent);
    this.add(goalEvent, at, {
      amount,
      stepId: m.props['stepId'] ?? '',
      journeyId: m.props['journeyId'] ?? '',
    });
    if (this.tracing)
      this.traced(`converted (${goalEvent} ${amount}) ${formatTime(at)}`, {
        code: 'converted',
        values: { event: goalEvent, amount, at },
      });
  }

  /** What a traced send drew so far: words for the reason, and the same as codes. */
  private readonly drawnWords: string[] = [];
  private readonly drawnWhy: TraceWhy[] = [];

  private traced(word: string, why: TraceWhy): void {
    this.drawnWords.push(word);
    this.drawnWhy.push(why);
  }

  /** An engagement drawn at `at`: worded `<word> <time>`, coded `code` with the time. */
  private tracedAt(word: string, code: 'opened' | 'clicked' | 'unsubscribedAt', at: number): void {
    this.traced(`${word} ${formatTime(at)}`, { code, values: { at } });
  }

  private traceNotDelivered(): void {
    this.reason = `${this.reason ? `${this.reason}; ` : ''}sent, not delivered`;
    this.why.push({ code: 'notDelivered' });
  }

  /** Words a delivered send's reason with what it drew, and forgets the draws. */
  private traceSent(): void {
    const words = this.drawnWords;
    this.reason = `${this.reason ? `${this.reason}; ` : ''}sent: ${words.join(', ')}`;
    this.why.push({ code: 'sent' }, ...this.drawnWhy);
    words.length = 0;
    this.drawnWhy.length = 0;
  }

  /**
   * Whether message `m`'s simulated event `bit` (of `KEEP`) joins the timeline: something reads
   * it, or it is traced. Asked before the event's fields are read, which are then read only when kept.
   */
  private keeps(m: MessagePlan, bit: number): boolean {
    return (m.keepEvents & bit) !== 0 || this.tracing;
  }

  /** Adds a simulated event to the timeline. */
  private add(name: string, at: number, props: Readonly<Record<string, Scalar>>): void {
    this.state.addEvent({ name, at, props } as ProfileEvent);
  }

  private amount(goalEvent: string): number {
    const spend = this.plan.options.spend;
    if (spend.source === 'profile_average') {
      if (Number.isNaN(this.averageSpend)) {
        const timeline = this.state.timeline;
        this.averageSpend =
          timeline.source !== null
            ? timeline.meanAmount(goalEvent)
            : meanAmount(this.state.profile.events, goalEvent);
      }
      if (this.averageSpend > 0) return Math.round(this.averageSpend * 100) / 100;
    }
    const s = spend.sigma;
    const drawn = spend.mean * Math.exp(s * this.random.normal() - (s * s) / 2);
    return Math.round(drawn * 100) / 100;
  }
}
