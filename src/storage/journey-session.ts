import { openJourney, type JourneySnapshot } from './journey-documents.ts';
import { decideOpen, type OpenDecision } from './journal-replay.ts';
import { createJourneyJournal, type JourneyJournal, type JournalRead } from './journey-journal.ts';
import { currentTabId, openTabIds } from './tab-presence.ts';

/** A journey opened for editing: what is stored, what its journal holds, and what to do. */
export interface JourneyOpening {
  journeyId: string;
  tabId: string;
  stored: JourneySnapshot | undefined;
  decision: OpenDecision;
  journal: JourneyJournal;
  /** Unreadable journal entries kept aside for this journey (this open's and earlier ones). */
  setAside: { key: string; text: string }[];
}

const tabOf = (read: JournalRead) => (read.status === 'ok' ? read.entry.tabId : read.tabId);

/**
 * Reads a journey and its journal and applies the replay rules (`journal-replay.ts`). Entries of
 * tabs still open are theirs to save; this tab adopts its own and those of closed tabs, moving
 * an adopted entry under its own key. Returns undefined when there is neither a stored journey
 * nor a journal for it. Throws `UnreadableJourneyError` when the stored journey cannot be read.
 */
export async function openJourneyForEditing(
  journeyId: string,
  storage: Storage = localStorage,
): Promise<JourneyOpening | undefined> {
  const tabId = await currentTabId();
  const stored = await openJourney(journeyId);
  const journal = createJourneyJournal(storage, journeyId);
  const open = await openTabIds();
  const candidates = journal
    .readAll()
    .filter((read) => tabOf(read) === tabId || !open.has(tabOf(read)));
  const decision = decideOpen(stored, candidates);
  for (const key of decision.discard) journal.remove(key);
  for (const read of decision.setAside) journal.setAside(read);
  if (decision.kind !== 'stored' && decision.entry.tabId !== tabId) {
    const { entry } = decision;
    if (journal.write(tabId, entry.baseRevision, entry.document, entry.writtenAt)) {
      journal.remove(entry.key);
    }
  }
  if (stored === undefined && decision.kind === 'stored') return undefined;
  return { journeyId, tabId, stored, decision, journal, setAside: journal.setAsideTexts() };
}
