import type { JourneyDocument } from '../domain/index.ts';
import type { JournalEntry, JournalRead } from './journey-journal.ts';
import type { JourneySnapshot } from './journey-documents.ts';

/** How to open a journey given what is stored and what its journal holds. */
export type OpenDecision = {
  /** Keys of entries whose change is already stored: safe to remove. */
  discard: string[];
  /** Entries that cannot be read: set aside for the user, never applied. */
  setAside: Extract<JournalRead, { status: 'corrupt' }>[];
} & (
  | { kind: 'stored' }
  /** The journal holds edits on top of the stored revision: open them, unsaved. */
  | { kind: 'replay'; entry: JournalEntry }
  /** The journal's edits were made on another revision (or the journey is gone): ask. */
  | { kind: 'conflict'; entry: JournalEntry }
);

function contentOf(document: JourneyDocument): string | undefined {
  try {
    return JSON.stringify({ ...document, updatedAt: '' });
  } catch {
    return undefined;
  }
}

/** Whether two documents differ only in when they were saved. */
export function sameContent(a: JourneyDocument, b: JourneyDocument): boolean {
  const left = contentOf(a);
  return left !== undefined && left === contentOf(b);
}

/**
 * The journal replay rules. `candidates` are the entries this tab may adopt (its own and those
 * of closed tabs), newest first. A corrupt entry is set aside; an entry whose document is what
 * is stored is discarded (its save landed, the tab closed before clearing it); of the rest the
 * newest is replayed when it was edited from the stored revision, and is a conflict otherwise:
 * a journal is never applied over a newer save. Older entries are left for a later open.
 */
export function decideOpen(
  stored: JourneySnapshot | undefined,
  candidates: readonly JournalRead[],
): OpenDecision {
  const setAside = candidates.filter((r) => r.status === 'corrupt');
  const discard: string[] = [];
  let chosen: JournalEntry | undefined;
  for (const read of candidates) {
    if (read.status !== 'ok') continue;
    if (stored !== undefined && sameContent(read.entry.document, stored.document)) {
      discard.push(read.entry.key);
    } else {
      chosen ??= read.entry;
    }
  }
  if (chosen === undefined) return { kind: 'stored', discard, setAside };
  if (stored !== undefined && chosen.baseRevision === stored.revision) {
    return { kind: 'replay', entry: chosen, discard, setAside };
  }
  return { kind: 'conflict', entry: chosen, discard, setAside };
}
