/**
 * Limits on what a journey document or spec may hold. They keep every way in (restore,
 * validate, compile, validateSpec, the CLI) away from stack overflows, numbers that overflow
 * and names a backend's maps would misread; each one breached is a diagnostic, never a throw.
 */
export const LIMITS = {
  /** Steps in one journey. */
  steps: 5_000,
  /** Arrows in one journey. */
  connections: 20_000,
  /** Condition groups nested inside each other (a group inside a group is depth 2). */
  conditionDepth: 20,
  /** Nesting of arrays and objects inside one step's settings, or one spec. */
  valueDepth: 100,
  /** Characters in an id or a branch key. */
  nameLength: 128,
  /** Characters in a journey name or a step label. */
  labelLength: 200,
  /** Characters in any other text (descriptions, message bodies, webhook payloads). */
  textLength: 100_000,
} as const;

/**
 * Names every JavaScript object already answers to. An id or key spelled like one of these is
 * read back wrongly by `obj[key]` in a backend (or silently dropped, for `__proto__`).
 */
export const INHERITED_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** C0 and C1 control characters, and the bidirectional controls that reorder text on screen. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** In a `u` pattern a surrogate range matches only halves that are not part of a pair. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Why a name cannot be used, as a code the screens word. */
export type UnsafeNameReason =
  'empty' | 'too_long' | 'reserved' | 'control' | 'surrogate' | 'space';

/**
 * Why a step id, arrow id or branch key cannot be used, or `undefined` when it can: it must be
 * 1–128 characters, with no control or bidi characters, no unpaired surrogates, no spaces at
 * either end, and not a name objects inherit (`__proto__`, `constructor`, `toString`, …).
 */
export function unsafeNameProblem(name: string): UnsafeNameReason | undefined {
  if (name === '') return 'empty';
  if (name.length > LIMITS.nameLength) return 'too_long';
  if (INHERITED_NAMES.has(name)) return 'reserved';
  if (CONTROL_OR_BIDI.test(name)) return 'control';
  if (LONE_SURROGATE.test(name)) return 'surrogate';
  if (name.trim() !== name) return 'space';
  return undefined;
}

/** {@link unsafeNameProblem} in English, for the CLI and the spec: "is empty", "starts or ends with a space". */
export function unsafeNameReason(name: string): string | undefined {
  switch (unsafeNameProblem(name)) {
    case undefined:
      return undefined;
    case 'empty':
      return 'is empty';
    case 'too_long':
      return `is ${name.length} characters long (at most ${LIMITS.nameLength})`;
    case 'reserved':
      // Callers name the id themselves ("The journey id "__proto__" is a reserved name.").
      return 'is a reserved name';
    case 'control':
      return 'holds control or text-direction characters';
    case 'surrogate':
      return 'holds a broken character (an unpaired surrogate)';
    case 'space':
      return 'starts or ends with a space';
  }
}

/** Whether a name is safe to use as an id or key (see {@link unsafeNameReason}). */
export function isSafeName(name: string): boolean {
  return unsafeNameReason(name) === undefined;
}

/** A name shown in a message: control characters escaped, long names cut. */
export function quoteName(name: string): string {
  const shown = JSON.stringify(name.length > 60 ? `${name.slice(0, 59)}…` : name);
  return shown.replace(
    /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
