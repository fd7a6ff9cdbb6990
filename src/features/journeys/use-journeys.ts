import { useLiveRead } from '../../storage/use-live-read.ts';
import { createJourney, randomId, type JourneyDocument } from '../../domain/index.ts';
import {
  createJourneyRecord,
  deleteJourney,
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

/** Journey-list actions. Each writes one journey (or none) and never touches another. */
export function useJourneyActions() {
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
      await createJourneyRecord({
        ...document,
        id: randomId(),
        name: `${document.name} (copy)`,
        createdAt: at,
        updatedAt: at,
      });
    },

    remove: (id: string) => deleteJourney(id),

    async importFile(file: File): Promise<ImportResult> {
      const { parseJourneyFile } = await import('./parse-journey-file.ts');
      const parsed = parseJourneyFile(file.name, await file.text());
      if (!parsed.ok) return parsed;
      // Broken rows hold their ids too: an import must never replace one.
      const taken = new Set(
        (await listJourneyEntries()).map((e) => (e.status === 'ok' ? e.summary.id : e.journey.id)),
      );
      const document = asImportedCopy(parsed.document, Date.now(), randomId, taken);
      await saveJourney(document);
      return { ok: true, document };
    },
  };
}
