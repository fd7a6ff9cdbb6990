import { restore } from '../../domain/index.ts';
// Straight from its module, not the domain's index: the JSON parser that reports positions is
// loaded with the first journey import, not with the journey list.
import { parseJson } from '../../domain/json/parse-json.ts';
import { specImportMessage, type ImportResult } from './journey-file.ts';
import { specAsJourney } from './spec-as-journey.ts';

/** Reads a journey file: JSON syntax first (with line and column), then `restore`. */
export function parseJourneyFile(file: string, text: string): ImportResult {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, reason, message } = parsed.problem;
    const where = `Not valid JSON at line ${line}, column ${column}: ${message}`;
    return {
      ok: false,
      file,
      errors: [{ path: '', message: where, code: 'json-syntax', params: { line, column, reason } }],
    };
  }
  const restored = restore(parsed.value);
  if (restored.ok) return restored;
  const fromSpec = specAsJourney(parsed.value);
  return fromSpec === undefined
    ? { ok: false, file, errors: restored.errors }
    : {
        ok: false,
        file,
        errors: [
          { path: '', message: specImportMessage(file), code: 'spec-file', params: { file } },
        ],
        fromSpec,
      };
}
