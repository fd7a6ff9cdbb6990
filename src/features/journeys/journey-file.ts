import type { JourneyDocument, RestoreError } from '../../domain/index.ts';

export type ImportResult =
  | { ok: true; document: JourneyDocument }
  | {
      ok: false;
      file: string;
      errors: RestoreError[];
      /** The file is a compiled spec: the journey it can be rebuilt as, offered to the user. */
      fromSpec?: JourneyDocument;
    };

/** What a user reads when a compiled spec was chosen where a journey document is expected. */
export function specImportMessage(file: string): string {
  return `${file} is a compiled spec (the JSON a backend runs), not a journey document. You can import it as a new journey rebuilt from the spec (its steps, arrows and settings; the layout is redone), or export the journey document from its editor (Export › Journey document), which imports as it is.`;
}

/**
 * An imported journey is stored as a copy: new id, "(imported)" only when the id is taken,
 * fresh timestamps. Nothing about the journey it came from is overwritten.
 */
export function asImportedCopy(
  document: JourneyDocument,
  now: number,
  newId: () => string,
  takenIds: ReadonlySet<string>,
): JourneyDocument {
  const at = new Date(now).toISOString();
  const clash = takenIds.has(document.id);
  return {
    ...document,
    id: clash ? newId() : document.id,
    name: clash ? `${document.name} (imported)` : document.name,
    createdAt: at,
    updatedAt: at,
  };
}
