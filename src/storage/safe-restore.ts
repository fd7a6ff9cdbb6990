import { readFailed, restore, type JourneyDocument, type LoadProblem } from '../domain/index.ts';

/** A restored journey, or why it could not be restored. */
export type SafeRestored =
  { ok: true; document: JourneyDocument } | { ok: false; problems: LoadProblem[] };

/**
 * `restore`, made total: a stored value that throws while restoring (nested past the stack, a
 * getter that throws) is reported as a problem instead of taking the caller down.
 */
export function safeRestore(raw: unknown): SafeRestored {
  try {
    const restored = restore(raw);
    return restored.ok ? restored : { ok: false, problems: restored.errors };
  } catch (error) {
    return { ok: false, problems: [readFailed(error, 'reading')] };
  }
}
