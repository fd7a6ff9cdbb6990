import { toIsoDate, utcMidnight } from '../dates';
import type { Scalar } from '../profile';
import type { ValueType } from './mapping';

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** `1,5`, `1.234,5`, `1 234,5` (plain, narrow and no-break spaces group thousands too). */
const DECIMAL_COMMA_NUMBER = /^[+-]?(\d+|\d{1,3}([. \u00a0\u202f]\d{3})+)(,\d+)?$/;
const TRUE_WORDS = new Set([
  'true',
  'yes',
  'y',
  '1',
  't',
  'opted_in',
  'opt-in',
  'subscribed',
  'on',
]);
const FALSE_WORDS = new Set([
  'false',
  'no',
  'n',
  '0',
  'f',
  'opted_out',
  'opt-out',
  'unsubscribed',
  'off',
]);

/** Reads a calendar date (`2024-03-09`, `20240309`, `03/09/2024` in the given order) as `YYYY-MM-DD`. */
export function parseDateCell(text: string, dateOrder: 'mdy' | 'dmy'): string | undefined {
  const value = text.trim();
  let m = ISO_DATE.exec(value) ?? COMPACT_DATE.exec(value);
  if (m) {
    const ms = utcMidnight(Number(m[1]), Number(m[2]), Number(m[3]));
    return ms === undefined ? undefined : toIsoDate(ms);
  }
  m = SLASH_DATE.exec(value);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const ms =
      dateOrder === 'mdy' ? utcMidnight(Number(m[3]), a, b) : utcMidnight(Number(m[3]), b, a);
    return ms === undefined ? undefined : toIsoDate(ms);
  }
  // The day as written: 01:00 on 9 March in India is 9 March, though it is 8 March in UTC (and
  // a date and time with no offset must not be read in the zone of whoever imports it).
  return dateTimeInstant(value) === undefined ? undefined : value.slice(0, 10);
}

/** The instant of an ISO date and time (UTC unless it says otherwise), if its day and time exist. */
function dateTimeInstant(value: string): number | undefined {
  if (!ISO_DATE_TIME.test(value)) return undefined;
  // Date.parse rolls 30 February over into March: the day is checked on its own first.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (utcMidnight(year ?? 0, month ?? 0, day ?? 0) === undefined) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const ms = Date.parse(value.replace(' ', 'T') + (hasZone ? '' : 'Z'));
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Reads an event time as epoch milliseconds: an ISO date and time (UTC unless it says
 * otherwise), a calendar date (midnight UTC), or epoch seconds (10 digits or fewer) or
 * milliseconds.
 */
export function parseTimestampCell(text: string, dateOrder: 'mdy' | 'dmy'): number | undefined {
  const value = text.trim();
  if (/^\d{9,13}$/.test(value)) {
    const n = Number(value);
    return value.length <= 10 ? n * 1000 : n;
  }
  if (ISO_DATE_TIME.test(value)) return dateTimeInstant(value);
  const date = parseDateCell(value, dateOrder);
  return date === undefined ? undefined : Date.parse(`${date}T00:00:00Z`);
}

/**
 * Reads a number; accepts a leading currency sign and grouped thousands: `1,234.50`, or with
 * `decimalComma` (as Excel writes CSV in much of Europe) `1,5`, `1.234,50` and `1 234,50`.
 */
export function parseNumberCell(text: string, decimalComma = false): number | undefined {
  const value = text.trim().replace(/^[$€£¥]\s?/, '');
  let n: number | undefined;
  if (decimalComma && DECIMAL_COMMA_NUMBER.test(value)) {
    n = Number(value.replace(/[. \u00a0\u202f]/g, '').replace(',', '.'));
  } else if (NUMBER.test(value)) n = Number(value);
  else if (!decimalComma && GROUPED_NUMBER.test(value)) n = Number(value.replaceAll(',', ''));
  // `1e999` matches the pattern but is Infinity: a number that cannot be stored is no number.
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** Reads yes/no answers: true/false, yes/no, y/n, 1/0, subscribed/unsubscribed, ... */
export function parseBooleanCell(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return undefined;
}

/** The outcome of reading one typed cell. */
export type CellResult =
  | { ok: true; value: Scalar }
  | { ok: false; reason: 'invalid_number' | 'invalid_boolean' | 'invalid_date' };

/** Reads a cell as the given type. */
export function parseTypedCell(
  text: string,
  type: ValueType,
  dateOrder: 'mdy' | 'dmy',
  decimalComma = false,
): CellResult {
  switch (type) {
    case 'text':
      return { ok: true, value: text.trim() };
    case 'number': {
      const value = parseNumberCell(text, decimalComma);
      return value === undefined ? { ok: false, reason: 'invalid_number' } : { ok: true, value };
    }
    case 'boolean': {
      const value = parseBooleanCell(text);
      return value === undefined ? { ok: false, reason: 'invalid_boolean' } : { ok: true, value };
    }
    case 'date': {
      const value = parseDateCell(text, dateOrder);
      return value === undefined ? { ok: false, reason: 'invalid_date' } : { ok: true, value };
    }
  }
}

const zoneCache = new Map<string, boolean>();
/** Whether the runtime knows this IANA time zone. */
export function isKnownTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    zoneCache.set(zone, known);
  }
  return known;
}

const PHONE = /^\+?[0-9][0-9 ().-]{4,22}[0-9]$/;
/** A loose phone check: digits with the usual separators, an optional leading `+`. */
export function isValidPhone(phone: string): boolean {
  return PHONE.test(phone.trim());
}
