import {
  randomId,
  withSafeStepIds,
  type JourneyDocument,
  type RenamedStep,
} from '../../domain/index.ts';
import {
  readStoredJourney,
  saveJourneyIfRevision,
  watchJourneyRevision,
} from '../../storage/journey-documents.ts';
import type { JourneyOpening } from '../../storage/journey-session.ts';
import type { SyncDeps, SyncStart } from './journey-sync.ts';

/** What the editor starts from: the document, how it stands against storage, steps renamed. */
export interface EditorStart {
  document: JourneyDocument;
  start: SyncStart;
  /** Steps whose ids could not be used, given new ones as the journey opened. */
  renamed: RenamedStep[];
}

/**
 * What the editor starts from, given how the journey was opened. A journey stored before
 * imports repaired step ids may hold ids the editor can never fix (`__proto__`, empty, control
 * characters): they are replaced as an import replaces them. The repaired document differs from
 * the stored one, so the sync journals it and saves it at once by compare-and-set on the revision
 * read; a write that cannot land is a conflict, never a loss.
 */
export function startOf(opening: JourneyOpening): EditorStart {
  const { document, start } = openedAs(opening);
  const repaired = withSafeStepIds(document, randomId);
  return { document: repaired.document, start, renamed: repaired.renamed };
}

function openedAs(opening: JourneyOpening): { document: JourneyDocument; start: SyncStart } {
  const { stored, decision } = opening;
  const base = stored?.revision ?? 'absent';
  const saved = stored?.document ?? null;
  switch (decision.kind) {
    case 'stored':
      if (stored === undefined) throw new Error('An opening without a journey has a journal entry');
      return { document: stored.document, start: { base, saved } };
    case 'replay':
      return { document: decision.entry.document, start: { base, saved } };
    case 'conflict':
      return {
        document: decision.entry.document,
        start: {
          base,
          saved,
          conflict:
            stored === undefined
              ? { status: 'deleted' }
              : { status: 'ok', document: stored.document, revision: stored.revision },
        },
      };
  }
}

/** The sync's storage: IndexedDB with compare-and-set, live revisions, this tab's journal. */
export function storageDeps(opening: JourneyOpening): SyncDeps {
  const { journeyId, tabId, journal } = opening;
  return {
    save: saveJourneyIfRevision,
    reload: () => readStoredJourney(journeyId),
    watch: (onRevision) => watchJourneyRevision(journeyId, onRevision),
    journal: {
      write: (baseRevision, document) => journal.write(tabId, baseRevision, document, Date.now()),
      clear: () => journal.clear(tabId),
    },
    now: Date.now,
  };
}
