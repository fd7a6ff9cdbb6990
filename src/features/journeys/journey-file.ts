import { parseJson, restore, type JourneyDocument, type RestoreError } from '../../domain/index.ts';

/** A file name made from the journey's name: `welcome-series.journey.json`. */
export function journeyFileName(document: JourneyDocument): string {
  const slug = document.name
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'journey'}.journey.json`;
}

export function journeyToFileText(document: JourneyDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One import problem as a sentence, with where it is unless the message already says. */
export function describeImportError(error: RestoreError): string {
  return error.path === '' || error.message.includes(error.path)
    ? error.message
    : `${error.path}: ${error.message}`;
}

export type ImportResult =
  { ok: true; document: JourneyDocument } | { ok: false; file: string; errors: RestoreError[] };

/** Reads a journey file: JSON syntax first (with line and column), then `restore`. */
export function parseJourneyFile(file: string, text: string): ImportResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    const where = `Not valid JSON at line ${line}, column ${column}: ${message}`;
    return { ok: false, file, errors: [{ path: '', message: where }] };
  }
  const restored = restore(parsed.value);
  return restored.ok ? restored : { ok: false, file, errors: restored.errors };
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
