import { LIMITS } from './limits.ts';

/** Something in a value that breaks a limit; `path` is dotted from where the walk started. */
export interface ValueProblem {
  code: 'too-deep' | 'condition-too-deep' | 'text-too-long' | 'number-not-finite' | 'reserved-key';
  path: string;
  /** The same place as keys, for callers that need one of them (a step id may hold dots). */
  keys: readonly (string | number)[];
  message: string;
}

export interface InspectOptions {
  /** Deepest nesting of arrays and objects allowed (1: a flat object). */
  maxDepth?: number;
  /** Longest string allowed. */
  maxTextLength?: number;
  /** Object keys that must not appear (e.g. `__proto__` in a spec's step map). */
  reservedKeys?: ReadonlySet<string>;
}

interface Frame {
  value: unknown;
  keys: (string | number)[];
  depth: number;
  groups: number;
  /** Keys of the outermost condition group on the way here. */
  outerGroup: (string | number)[];
}

const dotted = (keys: readonly (string | number)[]): string => keys.join('.');

function isConditionGroup(value: object): boolean {
  return (
    Object.hasOwn(value, 'type') &&
    (value as { type?: unknown }).type === 'group' &&
    Array.isArray((value as { rules?: unknown }).rules)
  );
}

/**
 * Walks any value with an explicit stack (so no nesting can overflow the call stack) and
 * returns the first problem of each kind: nesting deeper than allowed, condition groups nested
 * more than `LIMITS.conditionDepth`, overlong text, numbers that are not finite, reserved keys.
 * Run it before anything that recurses (zod schemas, compilers) sees untrusted data.
 */
export function inspectValue(value: unknown, options: InspectOptions = {}): ValueProblem[] {
  const maxDepth = options.maxDepth ?? LIMITS.valueDepth;
  const maxText = options.maxTextLength ?? LIMITS.textLength;
  const found = new Map<ValueProblem['code'], ValueProblem>();
  const report = (
    code: ValueProblem['code'],
    keys: readonly (string | number)[],
    message: string,
  ): void => {
    if (!found.has(code)) found.set(code, { code, path: dotted(keys), keys, message });
  };
  const stack: Frame[] = [{ value, keys: [], depth: 0, groups: 0, outerGroup: [] }];
  while (stack.length > 0) {
    const { value: v, keys, depth, groups, outerGroup } = stack.pop() as Frame;
    const path = dotted(keys);
    if (typeof v === 'string') {
      if (v.length > maxText) {
        report(
          'text-too-long',
          keys,
          `${path || 'The text'} is ${v.length.toLocaleString('en-US')} characters long; the most allowed is ${maxText.toLocaleString('en-US')}.`,
        );
      }
      continue;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) {
        report('number-not-finite', keys, `${path || 'The value'} is not a finite number.`);
      }
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth + 1 > maxDepth) {
      report(
        'too-deep',
        keys,
        `${path || 'The value'} is nested more than ${maxDepth} levels deep.`,
      );
      continue;
    }
    const group = !Array.isArray(v) && isConditionGroup(v);
    const groupDepth = group ? groups + 1 : groups;
    const outer = group && groups === 0 ? keys : outerGroup;
    if (groupDepth > LIMITS.conditionDepth) {
      report(
        'condition-too-deep',
        outer,
        `${dotted(outer) || 'The condition'} nests groups more than ${LIMITS.conditionDepth} deep; flatten it into fewer levels.`,
      );
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((item, i) => [i, item])
      : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string | number, unknown];
      if (typeof key === 'string' && options.reservedKeys?.has(key)) {
        report(
          'reserved-key',
          [...keys, key],
          `${JSON.stringify(key)} cannot be used as a key (${path || 'at the top'}).`,
        );
      }
      stack.push({
        value: child,
        keys: [...keys, key],
        depth: depth + 1,
        groups: groupDepth,
        outerGroup: outer,
      });
    }
  }
  return [...found.values()];
}
