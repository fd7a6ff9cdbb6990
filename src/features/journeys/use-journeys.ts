import { useIntl } from 'react-intl';
import { useLiveRead } from '../../storage/use-live-read.ts';
import {
  createJourney,
  firstFreeName,
  randomId,
  withSafeStepIds,
  type JourneyDocument,
} from '../../domain/index.ts';
import {
  createJourneyRecord,
  deleteJourney,
  deleteJourneyIfRevision,
  getJourney,
  getStoredJourneyText,
  listJourneyEntries,
  openJourney,
  saveJourney,
  saveJourneyIfRevision,
  type JourneyListEntry,
} from '../../storage/journey-documents.ts';
import { asImportedCopy, type ImportResult } from './journey-file.ts';
import type { NewJourneyChoice } from './new-journey-dialog.tsx';

/**
 * Every stored journey as the list shows it, broken ones included as rows with their problems;
 * `undefined` while loading. Live: updates on change, from this tab or another.
 */
export function useJourneyEntries(): JourneyListEntry[] | undefined {
  return useLiveRead(() => listJourneyEntries(), []);
}

/** Attempts at a rename when another tab keeps saving the same journey in between. */
const RENAME_ATTEMPTS = 3;

/** The ids and names of every stored journey, broken ones included: a new one takes neither. */
async function takenIdsAndNames() {
  const entries = await listJourneyEntries();
  const stored = entries.map((e) => (e.status === 'ok' ? e.summary : e.journey));
  return { ids: new Set(stored.map((j) => j.id)), names: new Set(stored.map((j) => j.name)) };
}

/** Journey-list actions. Each writes one journey (or none) and never touches another. */
export function useJourneyActions() {
  const intl = useIntl();
  const copyName = (name: string, n: number) =>
    intl.formatMessage({ id: 'journeys.copy.name' }, { name, n });
  const importedName = (name: string, n: number) =>
    intl.formatMessage({ id: 'journeys.copy.importedName' }, { name, n });
  return {
    load: (id: string) => getJourney(id),

    /** A stored journey's JSON exactly as stored, broken or not. */
    storedText: (id: string) => getStoredJourneyText(id),

    async create({ name, templateId }: NewJourneyChoice): Promise<string> {
      const now = Date.now();
      // The templates load with the New journey dialog, not with the list.
      const template =
        templateId === null
          ? undefined
          : (await import('../../domain/templates/templates.ts')).TEMPLATES.find(
              (t) => t.id === templateId,
            );
      const base = template ? template.build(now) : createJourney(name, now);
      const document: JourneyDocument = { ...base, id: randomId(), name };
      await saveJourney(document);
      return document.id;
    },

    /** Renames the latest stored version (compare-and-set: never over another tab's save). */
    async rename(id: string, name: string): Promise<boolean> {
      for (let attempt = 0; attempt < RENAME_ATTEMPTS; attempt += 1) {
        const stored = await openJourney(id);
        if (!stored) return false;
        const renamed = { ...stored.document, name, updatedAt: new Date().toISOString() };
        if ((await saveJourneyIfRevision(renamed, stored.revision)).ok) return true;
      }
      return false;
    },

    async duplicate(id: string) {
      const document = await getJourney(id);
      if (!document) return;
      const at = new Date().toISOString();
      const { names } = await takenIdsAndNames();
      await createJourneyRecord({
        ...document,
        id: randomId(),
        name: firstFreeName(names, (n) => copyName(document.name, n)),
        createdAt: at,
        updatedAt: at,
      });
    },

    remove: (id: string) => deleteJourney(id),

    /** The stored revision a later compare-and-set delete names. */
    revisionOf: async (id: string) => (await openJourney(id))?.revision,

    deleteAt: (id: string, revision: number) => deleteJourneyIfRevision(id, revision),

    /** Stores a journey rebuilt from a spec the user chose to import. */
    async importRebuilt(document: JourneyDocument): Promise<JourneyDocument> {
      const copy = asImportedCopy(
        document,
        Date.now(),
        randomId,
        await takenIdsAndNames(),
        importedName,
      );
      await saveJourney(copy);
      return copy;
    },

    async importFile(file: File): Promise<ImportResult> {
      const { parseJourneyFile } = await import('./parse-journey-file.ts');
      const parsed = parseJourneyFile(file.name, await file.text());
      if (!parsed.ok) return parsed;
      // Step ids the editor could never fix (`__proto__`…) are replaced, and the user told.
      const { document: safe, renamed } = withSafeStepIds(parsed.document, randomId);
      // Broken rows hold their ids too: an import must never replace one.
      const document = asImportedCopy(
        safe,
        Date.now(),
        randomId,
        await takenIdsAndNames(),
        importedName,
      );
      await saveJourney(document);
      return renamed.length === 0 ? { ok: true, document } : { ok: true, document, renamed };
    },
  };
}
