import { detectCdnowFormat, importCdnow } from '../domain/profiles/import/cdnow.ts';
import { importCsv, previewCsv } from '../domain/profiles/import/csv.ts';
import { importJson } from '../domain/profiles/import/json.ts';
import type { ImportResult, Rejection } from '../domain/profiles/import/report.ts';
import { suggestMapping } from '../domain/profiles/import/suggest-mapping.ts';
import type { Profile } from '../domain/index.ts';
import { CliError, EXIT } from './io.ts';
import { startsLikeJson } from '../domain/profiles/import/starts-like-json.ts';
import { readText, shownName, type TextSource } from './read-json.ts';

/**
 * Why a whole file was refused. The import's sentence tells an app user to import again; a quote
 * never closed is said for the command line, at its line.
 */
function refusalInWords(name: string, refused: Rejection): string {
  return refused.reason === 'unbalanced_quote'
    ? `${name}:${refused.row}: a quote opened on this line is never closed, so the rest of the file cannot be read reliably; fix the quote`
    : `${name}: ${refused.message}`;
}

/**
 * Reads sample profiles from JSON (array, export or NDJSON), a CDNOW transaction file, or CSV
 * (columns mapped as the app suggests), in `source.encoding` when its bytes do not name theirs.
 * Rejected rows are reported on stderr, not fatal.
 */
export async function loadProfiles(
  file: string,
  cwd: string,
  warn: (text: string) => void,
  source: Omit<TextSource, 'takesEncoding'> = {},
): Promise<Profile[]> {
  const text = await readText(file, cwd, { ...source, takesEncoding: true });
  const name = shownName(file);
  if (text.trim() === '')
    throw new CliError(`${name}: the profiles file is empty`, EXIT.unreadable);
  const head = text.slice(0, 4096);
  let result: ImportResult;
  if (startsLikeJson(head)) {
    result = importJson(text);
  } else if (detectCdnowFormat(head.split(/\r?\n/).slice(0, 5)) !== undefined) {
    result = importCdnow(text);
  } else {
    const preview = previewCsv(text, 20);
    const mapping = suggestMapping(preview.headers, preview.rows);
    if (mapping.id === '') {
      const columns = preview.headers.filter((h) => h.trim() !== '');
      throw new CliError(
        `${name}: no column holds the profile id (${columns.length === 0 ? 'the header names no columns' : `columns: ${columns.join(', ')}`})`,
        EXIT.unreadable,
      );
    }
    result = importCsv(text, mapping);
  }
  const { refused, rejected } = result.report;
  if (refused !== undefined)
    throw new CliError(refusalInWords(name, refused), EXIT.unreadable, refused.reason);
  if (rejected.length > 0) {
    const shown = rejected
      .slice(0, 10)
      .map((r) => `  row ${r.row}: ${r.message}`)
      .join('\n');
    const count = `${rejected.length.toLocaleString('en-US')} ${rejected.length === 1 ? 'row' : 'rows'}`;
    warn(
      `wayfinder: ${name}: ${count} rejected, left out of the run\n${shown}${rejected.length > 10 ? '\n  …' : ''}\n`,
    );
  }
  if (result.profiles.length === 0) {
    throw new CliError(`${name}: no profiles could be read`, EXIT.unreadable);
  }
  return result.profiles;
}
