import { LIMITS } from './limits.ts';

/** Something in a value that breaks a limit; `path` is dotted from where the walk started. */
export interface ValueProblem {
  code: 'too-deep' | 'condition-too-deep' | 'text-too-long' | 'number-not-finite' | 'reserved-key';
  path: string;
  /** The same place as keys, for callers that need one of them (a step id may hold dots). */
  keys: readonly (string | number)[];
  message: string;
  /** The length of an overlong text. */
  length?: number;
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
  /** The key under which the parent holds this value; paths are built only for problems. */
  key: string | number | undefined;
  parent: Frame | undefined;
  depth: number;
  groups: number;
  /** The outermost condition group on the way here. */
  outerGroup: Frame | undefined;
}

function keysOf(frame: Frame | undefined): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let f = frame; f !== undefined && f.key !== undefined; f = f.parent) keys.push(f.key);
  return keys.reverse();
}

function isConditionGroup(value: object): boolean {
  return (
    Object.hasOwn(value, 'type') &&
    (value as { type?: unknown }).type === 'group' &&
    Array.isArray((value as { rules?: unknown }).rules)
  );
}

type Found = Map<ValueProblem['code'], ValueProblem>;

function report(
  found: Found,
  code: ValueProblem['code'],
  at: Frame | undefined,
  message: (path: string) => string,
  length?: number,
): void {
  if (found.has(code)) return;
  const keys = keysOf(at);
  const path = keys.join('.');
  found.set(code, {
    code,
    path,
    keys,
    message: message(path),
    ...(length === undefined ? {} : { length }),
  });
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
  const reserved = options.reservedKeys;
  const found: Found = new Map();
  const stack: Frame[] = [
    { value, key: undefined, parent: undefined, depth: 0, groups: 0, outerGroup: undefined },
  ];
  // Frames are made for objects and arrays only; leaves are checked where they are found and
  // get a frame only when they are a problem.
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const v = frame.value;
    if (typeof v !== 'object' || v === null) {
      leafProblems(found, frame, maxText);
      continue;
    }
    if (frame.depth + 1 > maxDepth) {
      report(
        found,
        'too-deep',
        frame,
        (path) => `${path || 'The value'} is nested more than ${maxDepth} levels deep.`,
      );
      continue;
    }
    const isArray = Array.isArray(v);
    const group = !isArray && isConditionGroup(v);
    const groups = group ? frame.groups + 1 : frame.groups;
    const outerGroup = group && frame.groups === 0 ? frame : frame.outerGroup;
    if (groups > LIMITS.conditionDepth) {
      report(
        found,
        'condition-too-deep',
        outerGroup,
        (path) =>
          `${path || 'The condition'} nests groups more than ${LIMITS.conditionDepth} deep; flatten it into fewer levels.`,
      );
      continue;
    }
    const depth = frame.depth + 1;
    const keys = isArray ? [] : Object.keys(v);
    const count = isArray ? (v as unknown[]).length : keys.length;
    for (let i = count - 1; i >= 0; i--) {
      const key = isArray ? i : (keys[i] as string);
      const child = isArray ? (v as unknown[])[i] : (v as Record<string, unknown>)[key];
      const leaf =
        (typeof child === 'string' && child.length <= maxText) ||
        (typeof child === 'number' && Number.isFinite(child)) ||
        typeof child === 'boolean' ||
        child === null ||
        child === undefined;
      const reservedKey = typeof key === 'string' && reserved?.has(key) === true;
      if (leaf && !reservedKey) continue;
      const next: Frame = { value: child, key, parent: frame, depth, groups, outerGroup };
      if (reservedKey) {
        report(
          found,
          'reserved-key',
          next,
          (path) => `${JSON.stringify(key)} cannot be used as a key (${path}).`,
        );
      }
      if (!leaf) stack.push(next);
    }
  }
  return [...found.values()];
}

/** Problems of a string or number. */
function leafProblems(found: Found, frame: Frame, maxText: number): void {
  const v = frame.value;
  if (typeof v === 'string' && v.length > maxText) {
    report(
      found,
      'text-too-long',
      frame,
      (path) =>
        `${path || 'The text'} is ${v.length.toLocaleString('en-US')} characters long; the most allowed is ${maxText.toLocaleString('en-US')}.`,
      v.length,
    );
  } else if (typeof v === 'number' && !Number.isFinite(v)) {
    report(
      found,
      'number-not-finite',
      frame,
      (path) => `${path || 'The value'} is not a finite number.`,
    );
  }
}
