import type { Channel } from '../channels.ts';
import type { Profile, ProfileEvent } from '../profiles/profile.ts';
import { attributeReader } from './attribute-paths.ts';
import type {
  AttributeRule,
  ConditionGroup,
  ConditionNode,
  EventCountRule,
} from './condition-schema.ts';
import { compilePropertyFilters } from './property-filter.ts';
import { isReachable } from './reachability.ts';
import { DAY_MS, dayNumber, toEpochMs } from './time.ts';

/** What a condition needs besides the profile. */
export interface ConditionContext {
  /** The evaluation time, epoch ms. Events after it are ignored. */
  now: number;
  /** Whether the profile was drawn into this journey's control group. */
  inControlGroup: boolean;
  /** Events to read instead of `profile.events`; must be sorted oldest first too. */
  events?: readonly ProfileEvent[];
  /**
   * Counts the events of {@link events} named `name` (and accepted by `matches`, when given) in
   * `[from, to]`, up to `stopAt`: lets a caller that holds events as columns answer without
   * building the list.
   */
  countEvents?: (
    name: string,
    matches: ((props: ProfileEvent['props']) => boolean) | null,
    from: number,
    to: number,
    stopAt: number,
  ) => number;
  /** Answers `isReachable` for the profile when the caller knows it beforehand. */
  reachable?: (profile: Profile, channel: Channel) => boolean;
}

/** A compiled condition: evaluate it once per profile without re-reading the rule tree. */
export type ConditionPredicate = (profile: Profile, ctx: ConditionContext) => boolean;

const always: ConditionPredicate = () => true;

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function compileText(rule: Extract<AttributeRule, { valueType: 'text' }>): ConditionPredicate {
  const read = attributeReader(rule.attribute);
  const fold = (s: string): string => (rule.caseSensitive === true ? s : s.toLowerCase());
  const want = fold(rule.value ?? '');
  const textOf = (p: Profile): string | undefined => {
    const v = read(p);
    return isMissing(v) ? undefined : fold(String(v));
  };
  switch (rule.operator) {
    case 'is_set':
      return (p) => !isMissing(read(p));
    case 'is_not_set':
      return (p) => isMissing(read(p));
    case 'equals':
      return (p) => textOf(p) === want;
    case 'not_equals':
      return (p) => textOf(p) !== want;
    case 'contains':
      return (p) => textOf(p)?.includes(want) === true;
    case 'not_contains':
      return (p) => textOf(p)?.includes(want) !== true;
    case 'starts_with':
      return (p) => textOf(p)?.startsWith(want) === true;
    case 'ends_with':
      return (p) => textOf(p)?.endsWith(want) === true;
  }
}

function compileNumber(rule: Extract<AttributeRule, { valueType: 'number' }>): ConditionPredicate {
  const read = attributeReader(rule.attribute);
  const a = rule.value ?? Number.NaN;
  const b = rule.value2 ?? Number.NaN;
  const num = (p: Profile): number => toNumber(read(p));
  switch (rule.operator) {
    case 'is_set':
      return (p) => !Number.isNaN(num(p));
    case 'is_not_set':
      return (p) => Number.isNaN(num(p));
    case 'equals':
      return (p) => num(p) === a;
    case 'not_equals':
      return (p) => num(p) !== a;
    case 'gt':
      return (p) => num(p) > a;
    case 'gte':
      return (p) => num(p) >= a;
    case 'lt':
      return (p) => num(p) < a;
    case 'lte':
      return (p) => num(p) <= a;
    case 'between':
      return (p) => {
        const n = num(p);
        return n >= a && n <= b;
      };
  }
}

function compileDate(rule: Extract<AttributeRule, { valueType: 'date' }>): ConditionPredicate {
  const read = attributeReader(rule.attribute);
  const at = (p: Profile): number => toEpochMs(read(p));
  const days = toNumber(rule.value);
  const day = dayNumber(toEpochMs(rule.value));
  const day2 = dayNumber(toEpochMs(rule.value2));
  switch (rule.operator) {
    case 'is_set':
      return (p) => !Number.isNaN(at(p));
    case 'is_not_set':
      return (p) => Number.isNaN(at(p));
    case 'on':
      return (p) => dayNumber(at(p)) === day;
    case 'before':
      return (p) => dayNumber(at(p)) < day;
    case 'after':
      return (p) => dayNumber(at(p)) > day;
    case 'between':
      return (p) => {
        const d = dayNumber(at(p));
        return d >= day && d <= day2;
      };
    case 'within_last_days':
      return (p, ctx) => {
        const t = at(p);
        return t <= ctx.now && t >= ctx.now - days * DAY_MS;
      };
    case 'more_than_days_ago':
      return (p, ctx) => at(p) < ctx.now - days * DAY_MS;
    case 'within_next_days':
      return (p, ctx) => {
        const t = at(p);
        return t >= ctx.now && t <= ctx.now + days * DAY_MS;
      };
  }
}

function compileBoolean(
  rule: Extract<AttributeRule, { valueType: 'boolean' }>,
): ConditionPredicate {
  const read = attributeReader(rule.attribute);
  switch (rule.operator) {
    case 'is_true':
      return (p) => {
        const v = read(p);
        return v === true || v === 'true';
      };
    case 'is_false':
      return (p) => {
        const v = read(p);
        return v === false || v === 'false';
      };
    case 'is_set':
      return (p) => !isMissing(read(p));
    case 'is_not_set':
      return (p) => isMissing(read(p));
  }
}

function compileList(rule: Extract<AttributeRule, { valueType: 'list' }>): ConditionPredicate {
  const read = attributeReader(rule.attribute);
  const want = rule.value ?? '';
  const has = (p: Profile): boolean => {
    const v = read(p);
    return Array.isArray(v) ? v.includes(want) : v === want;
  };
  const size = (p: Profile): number => {
    const v = read(p);
    return Array.isArray(v) ? v.length : isMissing(v) ? 0 : 1;
  };
  switch (rule.operator) {
    case 'includes':
      return has;
    case 'not_includes':
      return (p) => !has(p);
    case 'is_empty':
      return (p) => size(p) === 0;
    case 'is_not_empty':
      return (p) => size(p) > 0;
  }
}

/** Counts matching events inside the rule's window, newest first, stopping once decided. */
export function compileEventCounter(
  rule: EventCountRule,
): (profile: Profile, ctx: ConditionContext, stopAt: number) => number {
  const matches = compilePropertyFilters(rule.propertyFilters);
  const windowMs = rule.withinDays === null ? Number.POSITIVE_INFINITY : rule.withinDays * DAY_MS;
  const name = rule.event;
  const filtered = rule.propertyFilters.length > 0 ? matches : null;
  return (profile, ctx, stopAt) => {
    if (ctx.countEvents !== undefined)
      return ctx.countEvents(name, filtered, ctx.now - windowMs, ctx.now, stopAt);
    const events = ctx.events ?? profile.events;
    const from = ctx.now - windowMs;
    let count = 0;
    for (let i = events.length - 1; i >= 0; i--) {
      const e = events[i] as ProfileEvent;
      if (e.at > ctx.now) continue;
      if (e.at < from) break;
      if (e.name === name && matches(e.props)) {
        count++;
        if (count >= stopAt) return count;
      }
    }
    return count;
  };
}

function compileEventCount(rule: EventCountRule): ConditionPredicate {
  const counter = compileEventCounter(rule);
  const n = rule.count;
  switch (rule.comparison) {
    case 'at_least':
      return n === 0 ? always : (p, ctx) => counter(p, ctx, n) >= n;
    case 'at_most':
      return (p, ctx) => counter(p, ctx, n + 1) <= n;
    case 'exactly':
      return (p, ctx) => counter(p, ctx, n + 1) === n;
  }
}

function compileNode(node: ConditionNode): ConditionPredicate {
  switch (node.type) {
    case 'group':
      return compileCondition(node);
    case 'event_count':
      return compileEventCount(node);
    case 'reachable': {
      const channel = node.channel;
      return (p, ctx) =>
        ctx.reachable === undefined ? isReachable(p, channel) : ctx.reachable(p, channel);
    }
    case 'control_group': {
      const want = node.inGroup;
      return (_p, ctx) => ctx.inControlGroup === want;
    }
    case 'attribute':
      switch (node.valueType) {
        case 'text':
          return compileText(node);
        case 'number':
          return compileNumber(node);
        case 'date':
          return compileDate(node);
        case 'boolean':
          return compileBoolean(node);
        case 'list':
          return compileList(node);
      }
  }
}

/**
 * Compiles a condition group into a predicate. Compile once, call per profile: the rule tree is
 * read here, and the returned function allocates nothing per call. An empty group (either op)
 * matches everyone.
 */
export function compileCondition(group: ConditionGroup): ConditionPredicate {
  const parts = group.rules.map(compileNode);
  if (parts.length === 0) return always;
  if (parts.length === 1) return parts[0] as ConditionPredicate;
  if (group.op === 'and') {
    return (p, ctx) => {
      for (let i = 0; i < parts.length; i++)
        if (!(parts[i] as ConditionPredicate)(p, ctx)) return false;
      return true;
    };
  }
  return (p, ctx) => {
    for (let i = 0; i < parts.length; i++)
      if ((parts[i] as ConditionPredicate)(p, ctx)) return true;
    return false;
  };
}

const cache = new WeakMap<ConditionGroup, ConditionPredicate>();

/** Evaluates a group for one profile; compiled predicates are cached per group object. */
export function evaluateCondition(
  group: ConditionGroup,
  profile: Profile,
  ctx: ConditionContext,
): boolean {
  let predicate = cache.get(group);
  if (predicate === undefined) {
    predicate = compileCondition(group);
    cache.set(group, predicate);
  }
  return predicate(profile, ctx);
}
