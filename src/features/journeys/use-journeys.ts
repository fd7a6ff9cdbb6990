import { useLiveRead } from '../../storage/use-live-read.ts';
import { createJourney, randomId, TEMPLATES, type JourneyDocument } from '../../domain/index.ts';
import {
  deleteJourney,
  getJourney,
  listJourneys,
  saveJourney,
} from '../../storage/journey-documents.ts';
import type { JourneySummary } from './journey-filter.ts';
import { asImportedCopy, parseJourneyFile, type ImportResult } from './journey-file.ts';
import type { NewJourneyChoice } from './new-journey-dialog.tsx';

/** Every stored journey as the list shows it; `undefined` while loading. Live: updates on change. */
export function useJourneySummaries(): JourneySummary[] | undefined {
  return useLiveRead(() => listJourneys(), []);
}

/** Journey-list actions. Each writes one journey (or none) and never touches another. */
export function useJourneyActions() {
  return {
    load: (id: string) => getJourney(id),

    async create({ name, templateId }: NewJourneyChoice): Promise<string> {
      const now = Date.now();
      const template = TEMPLATES.find((t) => t.id === templateId);
      const base = template ? template.build(now) : createJourney(name, now);
      const document: JourneyDocument = { ...base, id: randomId(), name };
      await saveJourney(document);
      return document.id;
    },

    async rename(id: string, name: string) {
      const document = await getJourney(id);
      if (document) await saveJourney({ ...document, name, updatedAt: new Date().toISOString() });
    },

    async duplicate(id: string) {
      const document = await getJourney(id);
      if (!document) return;
      const at = new Date().toISOString();
      await saveJourney({
        ...document,
        id: randomId(),
        name: `${document.name} (copy)`,
        createdAt: at,
        updatedAt: at,
      });
    },

    remove: (id: string) => deleteJourney(id),

    async importFile(file: File): Promise<ImportResult> {
      const parsed = parseJourneyFile(file.name, await file.text());
      if (!parsed.ok) return parsed;
      const taken = new Set((await listJourneys()).map((j) => j.id));
      const document = asImportedCopy(parsed.document, Date.now(), randomId, taken);
      await saveJourney(document);
      return { ok: true, document };
    },
  };
}
