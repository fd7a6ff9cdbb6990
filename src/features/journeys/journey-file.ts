import {
  firstFreeName,
  type JourneyDocument,
  type RenamedStep,
  type RestoreError,
} from '../../domain/index.ts';

export type ImportResult =
  | {
      ok: true;
      document: JourneyDocument;
      /** Steps whose ids could not be used, given new ones as the file was imported. */
      renamed?: readonly RenamedStep[];
    }
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
 * An imported journey is stored as a copy: new id, and a name of its own (`importedName`, the
 * first one no journey has) only when the id is taken, fresh timestamps. Nothing about the
 * journey it came from is overwritten.
 */
export function asImportedCopy(
  document: JourneyDocument,
  now: number,
  newId: () => string,
  taken: { ids: ReadonlySet<string>; names: ReadonlySet<string> },
  importedName: (name: string, n: number) => string,
): JourneyDocument {
  const at = new Date(now).toISOString();
  const clash = taken.ids.has(document.id);
  return {
    ...document,
    id: clash ? newId() : document.id,
    name: clash ? firstFreeName(taken.names, (n) => importedName(document.name, n)) : document.name,
    createdAt: at,
    updatedAt: at,
  };
}
