import Papa from 'papaparse';
import { createProfileCollector } from './collector';
import { type ColumnMappingInput, columnMappingSchema } from './mapping';
import { type ImportResult, refusedResult, reject, type Rejection } from './report';
import { createRowMapper, type RowMapper } from './row-mapper';

/** Reads a CSV file chunk by chunk (e.g. from `file.stream()`), then reports. */
export interface CsvImporter {
  /** Adds the next piece of text; records may span pieces. */
  push(chunk: string): void;
  /** Reads what is left and returns the profiles and the report. */
  finish(): ImportResult;
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The delimiter of a CSV text: whichever of `,` `;` tab `|` splits its header (its first line
 * that is not blank, as the import skips blank lines before it) into the most cells (`,` when
 * none splits it). The preview and the import both read a file with it: Papa's own guess
 * differed for small files (`id;name` with one row was previewed as one column).
 */
export function detectDelimiter(body: string): string {
  const header = body.split('\n', 64).find((line) => line.trim() !== '') ?? '';
  const counts = DELIMITERS.map((d) => header.split(d).length);
  const best = Math.max(...counts);
  return best > 1 ? (DELIMITERS[counts.indexOf(best)] ?? ',') : ',';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Finds record ends in CSV text that comes in pieces, reading each character once. */
interface RecordEnds {
  /**
   * The index in `piece` of its last line break outside quotes, or -1. Quotes are read as Papa
   * reads them: one opens a quoted cell only at the start of a cell (`5" screen` is text), and
   * `""` inside a quoted cell is one quote, also when a piece ends between the two.
   */
  lastIn(piece: string): number;
}

/** Record ends in text that starts at the start of a record, split by `delimiter`. */
function recordEnds(delimiter: string): RecordEnds {
  const delimiterCode = delimiter.charCodeAt(0);
  let inQuotes = false;
  /** A quote read inside quotes: it closes them unless the next character is one too. */
  let quoteInQuotes = false;
  let atCellStart = true;
  return {
    lastIn(piece) {
      let boundary = -1;
      for (let i = 0; i < piece.length; i++) {
        const c = piece.charCodeAt(i);
        if (quoteInQuotes) {
          quoteInQuotes = false;
          if (c === QUOTE) continue;
          inQuotes = false;
        }
        if (inQuotes) {
          quoteInQuotes = c === QUOTE;
        } else if (c === QUOTE && atCellStart) {
          inQuotes = true;
          atCellStart = false;
        } else {
          atCellStart = c === delimiterCode || c === LF || c === CR;
          if (c === LF) boundary = i;
        }
      }
      return boundary;
    },
  };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Creates a streaming CSV importer. The first record is the header; rows are reported by their
 * line in the file (the header is line 1), also when a quoted cell spans lines.
 */
export function createCsvImporter(mappingInput: ColumnMappingInput): CsvImporter {
  const mapping = columnMappingSchema.parse(mappingInput);
  const collector = createProfileCollector(mapping.events !== undefined);
  /**
   * The text not parsed yet, in the pieces it came in: joined only to be parsed, so a line of
   * any length that comes in many pieces is copied once, not once per piece.
   */
  let pending: string[] = [];
  let ends: RecordEnds | undefined;
  let delimiter = ',';
  /** The header's line break, for every piece: Papa guessing it per piece read pieces apart. */
  let newline: '\n' | '\r\n' | '\r' = '\n';
  let headers: string[] | undefined;
  let mapper: RowMapper | undefined;
  let headerRejections: Rejection[] = [];
  /** A quote left open: every later cell would be read wrongly, so the file is refused here. */
  let refusal: Rejection | undefined;
  /** Line number of the first line of the text not yet parsed. */
  let nextLine = 1;
  /** Rows after the header that are not blank, and those of them with the wrong cell count. */
  let dataRows = 0;
  let malformedRows = 0;

  const parse = (raw: string): void => {
    // A file whose header ends in CRLF may have rows appended with LF (a script adding to an
    // Excel file): read every CRLF as LF, so both kinds end a row.
    const text = newline === '\r\n' ? raw.replaceAll('\r\n', '\n') : raw;
    let rowStart = 0;
    let rowLine = nextLine;
    Papa.parse<string[]>(text, {
      delimiter,
      newline: newline === '\r\n' ? '\n' : newline,
      step: (result) => {
        const cells = result.data;
        const line = rowLine;
        const end = result.meta.cursor;
        const next = text.charCodeAt(end) === 13 ? end + 2 : end + 1;
        rowLine += countLineBreaks(text, rowStart, Math.min(next, text.length));
        rowStart = next;
        if (headerRejections.length > 0 || refusal) return;
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        if (quoteError) {
          refusal = reject(
            line,
            'unbalanced_quote',
            `Line ${line} has a quote that is never closed properly (${quoteError.message}), so ` +
              'the rest of the file cannot be read reliably. Nothing was imported: fix the quote ' +
              'and import again.',
          );
          return;
        }
        if (headers === undefined) {
          // Blank lines before the header are skipped, as the preview skips them.
          if (cells.every((c) => c.trim() === '')) return;
          headers = cells.map((h) => h.trim());
          const repeated = repeatedHeaders(headers);
          if (repeated.length > 0) {
            headerRejections = repeated;
            return;
          }
          const built = createRowMapper(mapping, headers);
          mapper = built.mapper;
          headerRejections = built.rejections;
          return;
        }
        if (cells.every((c) => c.trim() === '')) return;
        dataRows++;
        if (result.errors.length > 0 || cells.length !== headers.length) {
          malformedRows++;
          const why =
            result.errors[0]?.message ??
            `${cells.length} cells where the header has ${headers.length}`;
          collector.reject(
            reject(line, 'malformed_row', `Line ${line} is not a well-formed row: ${why}.`),
          );
          return;
        }
        if (mapper) collector.add(mapper(cells, line));
      },
    });
    nextLine += countLineBreaks(text, 0, text.length);
  };

  /** The text from the first line on, its delimiter and line break read from it. */
  const start = (text: string): string => {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    delimiter = detectDelimiter(body);
    const lineBreak = /\r\n|\n|\r/.exec(body)?.[0];
    newline = lineBreak === '\r\n' || lineBreak === '\r' ? lineBreak : '\n';
    return body;
  };

  return {
    push(chunk) {
      let piece = chunk;
      let reading = ends;
      if (reading === undefined) {
        pending.push(chunk);
        if (!chunk.includes('\n')) return;
        piece = start(pending.join(''));
        pending = [];
        reading = ends = recordEnds(delimiter);
      }
      const boundary = reading.lastIn(piece);
      if (boundary < 0) {
        pending.push(piece);
        return;
      }
      pending.push(piece.slice(0, boundary + 1));
      parse(pending.join(''));
      pending = [piece.slice(boundary + 1)];
    },
    finish() {
      const rest = pending.join('');
      const text = ends === undefined ? start(rest) : rest;
      if (text.length > 0) parse(text);
      pending = [];
      if (refusal) {
        const { rows, rejected } = collector.finish().report;
        return refusedResult(refusal, rows, rejected);
      }
      if (headers === undefined) {
        return emptyResult([emptyFile()]);
      }
      if (headerRejections.length > 0) return emptyResult(headerRejections);
      // Notes, Markdown or a log read as CSV: most lines do not fit the first. Importing the few
      // that do would make a set of nonsense customers out of the wrong file.
      if (malformedRows * 2 > dataRows) {
        const columns = headers.length;
        return refusedResult(
          reject(
            1,
            'unrecognised_format',
            `It is read as a header of ${columns} column${columns === 1 ? '' : 's'}, but ` +
              `${malformedRows} of ${dataRows} rows have another number of cells: this does not ` +
              'look like a CSV table. Is it the right file?',
          ),
          dataRows,
        );
      }
      return collector.finish();
    },
  };
}

/**
 * One rejection per header name that more than one column has, naming its columns (1-based).
 * A repeated name makes a mapping ambiguous: which `email` is the email? The file is refused
 * rather than guessed at, by the preview and the import alike.
 */
export function repeatedHeaders(headers: readonly string[]): Rejection[] {
  const columns = new Map<string, number[]>();
  headers.forEach((header, i) => {
    if (header === '') return;
    columns.set(header, [...(columns.get(header) ?? []), i + 1]);
  });
  return [...columns]
    .filter(([, at]) => at.length > 1)
    .map(([header, at]) =>
      reject(
        1,
        'duplicate_header',
        `The header "${header}" appears in columns ${at.slice(0, -1).join(', ')} and ` +
          `${at[at.length - 1]}: every column needs its own name. Nothing was imported: rename ` +
          'the repeated columns and import again.',
        header,
      ),
    );
}

/** The refusal of a file with no header line: nothing but blank lines, or no bytes at all. */
export function emptyFile(): Rejection {
  return reject(1, 'empty_file', 'The file is empty: it has no header line.');
}

function emptyResult(rejected: Rejection[]): ImportResult {
  return { profiles: [], report: { imported: 0, rows: 0, rejected, merged: [] } };
}

/** Imports a whole CSV text, or a sequence of chunks of one. */
export function importCsv(
  text: string | Iterable<string>,
  mapping: ColumnMappingInput,
): ImportResult {
  const importer = createCsvImporter(mapping);
  if (typeof text === 'string') importer.push(text);
  else for (const chunk of text) importer.push(chunk);
  return importer.finish();
}

/** The header and the first rows of a CSV text, to suggest and preview a mapping. */
export function previewCsv(text: string, maxRows = 20): { headers: string[]; rows: string[][] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  Papa.parse<string[]>(body, {
    delimiter: detectDelimiter(body),
    step: (result, parser) => {
      if (result.data.every((c) => c.trim() === '')) return;
      records.push(result.data);
      if (records.length > maxRows) parser.abort();
    },
  });
  const [header = [], ...rows] = records;
  return { headers: header.map((h) => h.trim()), rows };
}
