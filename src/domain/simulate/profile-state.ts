import type { ConditionContext } from '../conditions/compile-condition.ts';
import type { Profile, ProfileAttributes, ProfileEvent } from '../profiles/profile.ts';
import { CHANNELS, type Channel } from '../channels.ts';
import { isReachable } from '../conditions/reachability.ts';
import type { ProfileColumns } from './profile-columns.ts';
import { EventTimeline } from './event-timeline.ts';
import type { ZoneClock, ZoneRegistry } from './zone-clock.ts';

const CHANNEL_COUNT = CHANNELS.length;
const CHANNEL_BIT = Object.fromEntries(CHANNELS.map((c, i) => [c, 1 << i])) as Record<
  Channel,
  number
>;

/**
 * The simulator's scratch state for the profile being run. One instance per run is reset for
 * each profile, so the loop allocates only when a profile's timeline or attributes change.
 */
export class ProfileState {
  /** The profile as given, or null until first read when the run started from columns. */
  private given: Profile | null = null;
  /** The profile's copy once `update_profile` changed it, else null. */
  private changed: Profile | null = null;
  /** Where {@link given} is built from when the run started without it (see {@link resetColumns}). */
  private source: ProfileColumns | null = null;
  private sourceIndex = -1;
  /** The timeline's owner of a profile not built yet: its events build it when first read. */
  private readonly unbuilt: { readonly events: readonly ProfileEvent[] };
  /** Real and simulated events: read through columns when the profile came from columns. */
  readonly timeline = new EventTimeline();
  hash = 0;
  control = false;
  /** The history index of the event a per-event trigger last fired on. */
  firedSeq = -1;
  /**
   * The channels the profile as given is reachable on (bit per `CHANNELS` index), for the
   * channels of {@link reachKnown}: known beforehand, or worked out when first asked.
   */
  reach = 0;
  reachKnown = 0;
  private clock: ZoneClock | null = null;
  readonly ctx: ConditionContext;
  /** Times and channels of this profile's sends (frequency cap). */
  sendAt = new Float64Array(64);
  sendChannel = new Uint8Array(64);
  sendCount = 0;
  /** Messages sent to this profile in the whole simulation. */
  messages = 0;
  /** Steps this profile entered in the whole simulation (the runaway bound). */
  stepEntries = 0;
  /** When the profile unsubscribed from each channel (Infinity: never), set by {@link unsubscribe}. */
  readonly unsubscribedAt = new Float64Array(CHANNEL_COUNT).fill(Number.POSITIVE_INFINITY);
  /**
   * Whether {@link unsubscribedAt} holds a time to forget: nearly no profile unsubscribes, so most
   * need no reset of the channels.
   */
  private unsubscribed = false;

  /** Simulated events named {@link goalEvent} added to this profile's timeline so far. */
  goalsAdded = 0;

  /**
   * @param goalEvent the journey goal's event name ('' for none): the simulated events of that
   *   name are counted in {@link goalsAdded}, so a goal search knows when only the profile's own
   *   events can answer it.
   */
  constructor(
    private readonly zones: ZoneRegistry,
    private readonly goalEvent = '',
  ) {
    const timeline = this.timeline;
    const profile = (): Profile => this.profile;
    this.unbuilt = {
      get events() {
        return profile().events;
      },
    };
    this.ctx = {
      now: 0,
      inControlGroup: false,
      get events() {
        return timeline.events;
      },
      countEvents: (name, matches, from, to, stopAt) =>
        timeline.count(name, matches, from, to, stopAt),
      reachable: (profile, channel) =>
        profile === this.given
          ? this.reachableAsGiven(CHANNEL_BIT[channel], channel)
          : isReachable(profile, channel),
    };
  }

  /**
   * The profile as given. A run started by {@link resetColumns} without the object builds it
   * here, on first read: a journey that reads no attribute, id or event object of an entrant
   * never does (most of the bench journey's entrants), and skips the object's cold reads.
   */
  get profile(): Profile {
    return this.given ?? this.build();
  }

  /** What conditions read: the profile, or its copy once `update_profile` changed it. */
  get view(): Profile {
    return this.changed ?? this.profile;
  }

  /** Whether the profile's object is in hand (given, or built since): reading it costs nothing new. */
  get built(): boolean {
    return this.given !== null;
  }

  private build(): Profile {
    const profile = (this.source as ProfileColumns).profile(this.sourceIndex);
    this.given = profile;
    return profile;
  }

  /** Real and simulated events, oldest first (the profile's own until a simulated event arrives). */
  get events(): readonly ProfileEvent[] {
    return this.timeline.events;
  }

  /** Starts on a new profile. */
  reset(profile: Profile): void {
    this.given = profile;
    this.source = null;
    this.timeline.reset(profile);
    this.clear();
  }

  /**
   * Starts on profile `index` of `columns`, its real events read from the columns; `profile` is
   * its object when already in hand, else null: then it is built only if something reads it.
   */
  resetColumns(columns: ProfileColumns, index: number, profile: Profile | null): void {
    this.given = profile;
    this.source = columns;
    this.sourceIndex = index;
    this.timeline.reset(profile ?? this.unbuilt);
    this.timeline.useColumns(
      columns,
      columns.eventStart[index] as number,
      columns.eventStart[index + 1] as number,
    );
    this.clear();
  }

  /** Where the run's profile came from: its columns and index, or null (see {@link resetColumns}). */
  get columns(): ProfileColumns | null {
    return this.source;
  }

  get index(): number {
    return this.sourceIndex;
  }

  /** Forgets what the last profile's run changed or learnt. */
  private clear(): void {
    this.changed = null;
    this.reach = 0;
    this.reachKnown = 0;
    this.clock = null;
    this.sendCount = 0;
    this.goalsAdded = 0;
    this.messages = 0;
    this.stepEntries = 0;
    if (this.unsubscribed) {
      this.unsubscribedAt.fill(Number.POSITIVE_INFINITY);
      this.unsubscribed = false;
    }
  }

  /** Unsubscribes the profile from channel `c` at `at`, unless it did earlier. */
  unsubscribe(c: number, at: number): void {
    if (at < (this.unsubscribedAt[c] as number)) this.unsubscribedAt[c] = at;
    this.unsubscribed = true;
  }

  /** Whether the profile, as the journey has left it so far, is reachable on channel `c`. */
  reachable(c: number, channel: Channel): boolean {
    // Known for the profile as given; once `update_profile` copied it, ask again.
    const changed = this.changed;
    if (changed === null) return this.reachableAsGiven(1 << c, channel);
    return isReachable(changed, channel);
  }

  /** Whether the profile as given is reachable on `channel` (bit `bit`), asked once per profile. */
  private reachableAsGiven(bit: number, channel: Channel): boolean {
    if ((this.reachKnown & bit) === 0) {
      if (isReachable(this.profile, channel)) this.reach |= bit;
      this.reachKnown |= bit;
    }
    return (this.reach & bit) !== 0;
  }

  /** The profile's zone clock (its zone, the journey's default, UTC), looked up on first use. */
  zone(): ZoneClock {
    if (this.clock === null) this.clock = this.zones.get(this.view.attributes.timeZone);
    return this.clock;
  }

  /** The condition context at `now`, reused between calls. */
  context(now: number): ConditionContext {
    const ctx = this.ctx;
    ctx.now = now;
    ctx.inControlGroup = this.control;
    return ctx;
  }

  /** Adds a simulated event to the timeline, keeping it sorted (after events at the same time). */
  addEvent(e: ProfileEvent): void {
    if (e.name === this.goalEvent) this.goalsAdded++;
    this.timeline.add(e);
  }

  /** Records a send for the frequency cap. */
  recordSend(at: number, channel: number): void {
    if (this.sendCount === this.sendAt.length) {
      const times = new Float64Array(this.sendAt.length * 2);
      times.set(this.sendAt);
      this.sendAt = times;
      const channels = new Uint8Array(this.sendChannel.length * 2);
      channels.set(this.sendChannel);
      this.sendChannel = channels;
    }
    this.sendAt[this.sendCount] = at;
    this.sendChannel[this.sendCount] = channel;
    this.sendCount++;
  }

  /** Sends in `(t - periodMs, t]`, on one channel or (channel -1) on any. */
  sendsWithin(t: number, periodMs: number, channel: number): number {
    let n = 0;
    const from = t - periodMs;
    for (let i = this.sendCount - 1; i >= 0; i--) {
      const at = this.sendAt[i] as number;
      if (at <= from) break;
      if (at <= t && (channel < 0 || this.sendChannel[i] === channel)) n++;
    }
    return n;
  }

  /**
   * Attributes the simulation may change: a shallow copy made on the first change of this
   * profile, with `tags`, `custom` and `consent` copied only once they change (copy-on-write).
   */
  writableAttributes(): ProfileAttributes {
    if (this.changed === null) {
      const profile = this.profile;
      this.changed = {
        id: profile.id,
        attributes: { ...profile.attributes },
        events: profile.events,
      };
      this.clock = null;
    }
    return this.changed.attributes;
  }

  /** The view's tags, copied from the profile's before the first change. */
  writableTags(): string[] {
    const a = this.writableAttributes();
    if (a.tags === this.profile.attributes.tags) a.tags = [...a.tags];
    return a.tags;
  }

  /** The view's custom attributes, copied before the first change. */
  writableCustom(): ProfileAttributes['custom'] {
    const a = this.writableAttributes();
    if (a.custom === this.profile.attributes.custom) a.custom = { ...a.custom };
    return a.custom;
  }

  /** The view's consent, copied before the first change. */
  writableConsent(): ProfileAttributes['consent'] {
    const a = this.writableAttributes();
    if (a.consent === this.profile.attributes.consent) a.consent = { ...a.consent };
    return a.consent;
  }
}
