import { restore, type JourneyDocument } from '../domain/index.ts';

/** A restored journey, or why it could not be restored, as sentences. */
export type SafeRestored =
  { ok: true; document: JourneyDocument } | { ok: false; problems: string[] };

/** Why a step failed, from the error's type only (never its text). */
export function failureProblem(error: unknown, doing: string): string {
  return error instanceof RangeError
    ? `${doing} failed: the journey is nested too deeply to read`
    : `${doing} failed unexpectedly`;
}

/**
 * `restore`, made total: a stored value that throws while restoring (nested past the stack, a
 * getter that throws) is reported as a problem instead of taking the caller down.
 */
export function safeRestore(raw: unknown): SafeRestored {
  try {
    const restored = restore(raw);
    return restored.ok
      ? restored
      : {
          ok: false,
          problems: restored.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)),
        };
  } catch (error) {
    return { ok: false, problems: [failureProblem(error, 'Reading the journey')] };
  }
}
