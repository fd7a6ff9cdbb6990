import { failureReasonOf, type FailureReason } from '../../domain/failure/failure-reason.ts';
import type { JourneyDocument } from '../../domain/index.ts';
import type { EditorStore } from '../../editor/index.ts';
import type { JourneySaveResult, TheirJourney } from '../../storage/journey-documents.ts';

/** What the editor shows about saving. "saved" is only ever said of a landed write. */
export type SyncState =
  | { status: 'saved'; at: number }
  | { status: 'saving' }
  | { status: 'error'; reason: FailureReason }
  /** Storage holds another version than the one edited here: the user chooses. */
  | { status: 'conflict'; mine: JourneyDocument; theirs: TheirJourney };

/** A revision to compare-and-set against, or `absent` for a journey not stored (any more). */
export type BaseRevision = number | 'absent';

/** Where the editor starts. */
export interface SyncStart {
  /** The stored revision the editor's document was edited from. */
  base: BaseRevision;
  /** The document stored at `base`; the editor's document being another object means unsaved edits. */
  saved: JourneyDocument | null;
  /** Set when the editor opens on a conflict (a journal made on another revision). */
  conflict?: TheirJourney;
}

/** What the sync needs from storage; tests pass fakes. */
export interface SyncDeps {
  save(document: JourneyDocument, expected: BaseRevision): Promise<JourneySaveResult>;
  /** What is stored now. */
  reload(): Promise<TheirJourney>;
  /** Calls back with the stored revision now and after every write from any tab. */
  watch(onRevision: (revision: number | undefined) => void): () => void;
  /** The write-ahead journal of this tab (see storage/journey-journal.ts). */
  journal: { write(baseRevision: number, document: JourneyDocument): void; clear(): void };
  now(): number;
}

/** How long edits settle before they are written to IndexedDB (the journal is written at once). */
export const AUTOSAVE_DELAY_MS = 300;

/**
 * Keeps one open journey and its stored copy in step. Every change goes to the journal at once
 * and to IndexedDB after {@link AUTOSAVE_DELAY_MS} with a compare-and-set on the revision it was
 * edited from. A write from elsewhere (another tab) refreshes an unmodified editor and puts a
 * modified one in conflict; so does a save that finds the revision moved. Nothing is
 * overwritten without the user choosing to.
 */
export function createJourneySync(store: EditorStore, start: SyncStart, deps: SyncDeps) {
  let base = start.base;
  let saved = start.saved;
  let conflict = start.conflict ?? null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = false;
  let recheckAfterWrite = false;
  let stopped = false;
  const listeners = new Set<() => void>();

  const current = () => store.getState().document;
  const dirty = () => current() !== saved;
  const journalBase = () => (base === 'absent' ? 0 : base);

  let state: SyncState =
    conflict !== null
      ? { status: 'conflict', mine: current(), theirs: conflict }
      : dirty()
        ? { status: 'saving' }
        : { status: 'saved', at: deps.now() };

  const set = (next: SyncState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  };

  const enterConflict = (theirs: TheirJourney) => {
    clearTimeout(timer);
    timer = undefined;
    conflict = theirs;
    set({ status: 'conflict', mine: current(), theirs });
  };

  /** Takes a stored version as the editor's document (no history: it is not an edit here). */
  const adopt = (theirs: Extract<TheirJourney, { status: 'ok' }>) => {
    clearTimeout(timer);
    timer = undefined;
    conflict = null;
    base = theirs.revision;
    saved = theirs.document;
    store.load(theirs.document);
    deps.journal.clear();
    set({ status: 'saved', at: deps.now() });
  };

  /**
   * Another tab stored exactly this editor's document (two tabs that opened a journey and made
   * the same change to it, such as repairing its step ids): that is this editor's save, landed.
   * The editor keeps its own document and undo history and goes on from that revision.
   */
  const sameAsMine = (theirs: TheirJourney): theirs is Extract<TheirJourney, { status: 'ok' }> =>
    theirs.status === 'ok' && sameContent(theirs.document, current());
  const takeAsSaved = (theirs: Extract<TheirJourney, { status: 'ok' }>) => {
    clearTimeout(timer);
    timer = undefined;
    conflict = null;
    base = theirs.revision;
    saved = current();
    deps.journal.clear();
    set({ status: 'saved', at: deps.now() });
  };

  const afterWrite = () => {
    writing = false;
    if (recheckAfterWrite && !stopped) {
      recheckAfterWrite = false;
      void checkRemote();
    }
  };

  function flush() {
    clearTimeout(timer);
    timer = undefined;
    if (writing || conflict !== null || !dirty()) return;
    const document = current();
    const stamped: JourneyDocument = { ...document, updatedAt: new Date(deps.now()).toISOString() };
    writing = true;
    deps.save(stamped, base).then(
      (result) => {
        if (result.ok) {
          base = result.revision;
          saved = document;
          if (dirty()) {
            deps.journal.write(journalBase(), current());
            if (conflict === null) schedule();
          } else {
            deps.journal.clear();
            set({ status: 'saved', at: deps.now() });
          }
        } else if (sameAsMine(result.theirs) && current() === document) {
          takeAsSaved(result.theirs);
        } else {
          enterConflict(result.theirs);
        }
        afterWrite();
      },
      (error: unknown) => {
        // The journal still holds the edit and the editor keeps it; the next change, hiding
        // the page or Retry writes again.
        set({ status: 'error', reason: failureReasonOf(error) });
        afterWrite();
      },
    );
  }

  async function checkRemote() {
    if (writing) {
      recheckAfterWrite = true;
      return;
    }
    const theirs = await deps.reload();
    if (stopped) return;
    if (writing) {
      recheckAfterWrite = true;
      return;
    }
    if (theirs.status === 'ok' && theirs.revision === base) return;
    if (conflict === null && !dirty() && theirs.status === 'ok') adopt(theirs);
    else if (conflict === null && sameAsMine(theirs)) takeAsSaved(theirs);
    else enterConflict(theirs);
  }

  const onChange = () => {
    if (!dirty()) {
      // Undone back to what is stored.
      if (!writing && conflict === null) {
        clearTimeout(timer);
        timer = undefined;
        deps.journal.clear();
        set({ status: 'saved', at: deps.now() });
      }
      return;
    }
    deps.journal.write(journalBase(), current());
    if (conflict !== null) {
      set({ status: 'conflict', mine: current(), theirs: conflict });
      return;
    }
    if (state.status !== 'saving') set({ status: 'saving' });
    schedule();
  };

  return {
    getState: () => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Starts following the store and storage; returns `stop`, which writes what is pending. */
    start(): () => void {
      stopped = false;
      const unsubscribe = store.subscribe(onChange);
      const unwatch = deps.watch((revision) => {
        if (revision !== (base === 'absent' ? undefined : base)) void checkRemote();
      });
      if (dirty()) {
        deps.journal.write(journalBase(), current());
        if (conflict === null) schedule();
      }
      return () => {
        unsubscribe();
        unwatch();
        flush();
        stopped = true;
      };
    },
    /** Writes now what is pending (the page is being hidden or closed, or Retry). */
    flush,
    /** Whether leaving now could lose something not yet in IndexedDB. */
    hasPendingChanges: () => dirty() || writing || conflict !== null,
    /** Resolves a conflict by writing this editor's version over the stored one. */
    keepMine(): void {
      if (conflict === null) return;
      base = conflict.status === 'deleted' ? 'absent' : conflict.revision;
      conflict = null;
      saved = null;
      set({ status: 'saving' });
      flush();
    },
    /** Resolves a conflict by taking the stored version (this editor's edits are dropped). */
    takeTheirs(): void {
      if (conflict?.status === 'ok') adopt(conflict);
    },
    /** Ends a conflict after this editor's version was kept elsewhere (saved as a copy). */
    dropMine(): void {
      if (conflict === null) return;
      if (conflict.status === 'ok') {
        adopt(conflict);
        return;
      }
      conflict = null;
      saved = current();
      deps.journal.clear();
      set({ status: 'saved', at: deps.now() });
    },
  };
}

/** The sync of one open journey. */
export type JourneySync = ReturnType<typeof createJourneySync>;

/** Whether two documents hold the same journey, whenever each was stamped as saved. */
function sameContent(a: JourneyDocument, b: JourneyDocument): boolean {
  return (
    a === b || JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' })
  );
}
