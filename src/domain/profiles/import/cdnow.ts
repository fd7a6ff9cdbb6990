import { toIsoDate, utcMidnight } from '../dates';
import type { Profile } from '../profile';
import { type ImportResult, reject, type Rejection } from './report';
import { EARLIEST_EVENT_MS, LATEST_EVENT_MS } from './validate-profile';

/** The two layouts of the CDNOW purchase files. */
export type CdnowFormat = 'master' | 'sample';

const DIGITS = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const YYYYMMDD = /^\d{8}$/;

/** Splits a line on runs of spaces, tabs and carriage returns; faster than trim + split(/\s+/). */
function tokens(line: string): string[] {
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 32;
    const blank = c === 32 || c === 9 || c === 13;
    if (blank) {
      if (start >= 0) parts.push(line.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  return parts;
}

function isDataLine(parts: readonly string[], format: CdnowFormat): boolean {
  const dateAt = format === 'master' ? 1 : 2;
  const width = format === 'master' ? 4 : 5;
  return (
    parts.length === width &&
    parts.slice(0, dateAt).every((p) => DIGITS.test(p)) &&
    YYYYMMDD.test(parts[dateAt] ?? '') &&
    DIGITS.test(parts[dateAt + 1] ?? '') &&
    DECIMAL.test(parts[dateAt + 2] ?? '')
  );
}

/**
 * Recognises CDNOW purchase data from its first lines: `master` is four whitespace-separated
 * columns (customer, YYYYMMDD date, CDs, dollars) with an optional header; `sample` has the
 * sample's customer number as a second column. Undefined for anything else.
 */
export function detectCdnowFormat(firstLines: string | readonly string[]): CdnowFormat | undefined {
  const lines = (typeof firstLines === 'string' ? firstLines.split('\n') : firstLines)
    .map(tokens)
    .filter((parts) => parts.length > 0)
    .slice(0, 6);
  const [first, ...rest] = lines;
  if (!first) return undefined;
  const body = first.some((p) => /[a-z]/i.test(p)) ? rest : lines;
  if (body.length === 0) return undefined;
  for (const format of ['master', 'sample'] as const) {
    if (body.every((parts) => isDataLine(parts, format))) return format;
  }
  return undefined;
}

/**
 * Reads a CDNOW purchase file into profiles with one `order_placed` event per row (at midnight
 * UTC of its day; props `cds`, `quantity` (= cds), `amount` in dollars, `orderId`), the first
 * purchase day as signup date, and custom `orders` and `ltv`; the sample's own customer number
 * is kept as custom `sampleId`.
 */
export function importCdnow(
  text: string,
  format: CdnowFormat | undefined = detectCdnowFormat(text.slice(0, 2000)),
): ImportResult {
  if (format === undefined) {
    return {
      profiles: [],
      report: {
        imported: 0,
        rows: 0,
        rejected: [reject(1, 'unrecognised_format', 'This is not CDNOW purchase data.')],
        merged: [],
      },
    };
  }
  const offset = format === 'master' ? 0 : 1;
  const byId = new Map<string, Profile>();
  const dayCache = new Map<string, number>();
  const rejected: Rejection[] = [];
  let rows = 0;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const parts = tokens(lines[n] ?? '');
    if (parts.length === 0) continue;
    const line = n + 1;
    if (n === 0 && parts.some((p) => /[a-z]/i.test(p))) continue;
    rows++;
    if (parts.length !== 4 + offset) {
      rejected.push(
        reject(
          line,
          'malformed_row',
          `Line ${line} has ${parts.length} columns, expected ${4 + offset}.`,
        ),
      );
      continue;
    }
    const id = parts[0] ?? '';
    const dateText = parts[1 + offset] ?? '';
    let at = dayCache.get(dateText);
    if (at === undefined) {
      at = YYYYMMDD.test(dateText)
        ? utcMidnight(
            Number(dateText.slice(0, 4)),
            Number(dateText.slice(4, 6)),
            Number(dateText.slice(6, 8)),
          )
        : undefined;
      if (at === undefined || at < EARLIEST_EVENT_MS || at >= LATEST_EVENT_MS) {
        rejected.push(
          reject(
            line,
            'invalid_date',
            `"${dateText}" on line ${line} is not a date (YYYYMMDD).`,
            'date',
          ),
        );
        continue;
      }
      dayCache.set(dateText, at);
    }
    const cdsText = parts[2 + offset] ?? '';
    const amountText = parts[3 + offset] ?? '';
    if (!DIGITS.test(cdsText) || !DECIMAL.test(amountText)) {
      const [column, value] = DIGITS.test(cdsText)
        ? ['dollar_value', amountText]
        : ['number_of_cds', cdsText];
      rejected.push(
        reject(line, 'invalid_number', `"${value}" on line ${line} is not a number.`, column),
      );
      continue;
    }
    const cds = Number(cdsText);
    const amount = Number(amountText);
    if (!Number.isSafeInteger(cds) || !Number.isFinite(amount)) {
      const [column, value] = Number.isSafeInteger(cds)
        ? ['dollar_value', amountText]
        : ['number_of_cds', cdsText];
      rejected.push(
        reject(line, 'invalid_number', `"${value}" on line ${line} is too large a number.`, column),
      );
      continue;
    }
    let profile = byId.get(id);
    if (!profile) {
      profile = {
        id,
        attributes: { signupDate: toIsoDate(at), consent: {}, tags: [], custom: {} },
        events: [],
      };
      if (format === 'sample') profile.attributes.custom.sampleId = Number(parts[1]);
      byId.set(id, profile);
    }
    const orderId = `${id}-${profile.events.length + 1}`;
    profile.events.push({
      name: 'order_placed',
      at,
      props: { cds, quantity: cds, amount, orderId },
    });
  }
  const profiles = [...byId.values()];
  for (const profile of profiles) {
    profile.events.sort((a, b) => a.at - b.at);
    let ltv = 0;
    for (const event of profile.events) ltv += Number(event.props?.amount ?? 0);
    const first = profile.events[0];
    if (first) profile.attributes.signupDate = toIsoDate(first.at);
    profile.attributes.custom.orders = profile.events.length;
    profile.attributes.custom.ltv = Math.round(ltv * 100) / 100;
  }
  return { profiles, report: { imported: profiles.length, rows, rejected, merged: [] } };
}
