import { isValidEmail } from '../normalise-email';
import type { Profile, ProfileAttributes, ProfileEvent, Scalar } from '../profile';
import {
  isKnownTimeZone,
  isValidPhone,
  parseBooleanCell,
  parseDateCell,
  parseTimestampCell,
  parseTypedCell,
} from './cells';
import { type ColumnMapping, mappedColumns, type TypedColumn } from './mapping';
import { reject, type Rejection } from './report';
import { findProfileProblem } from './validate-profile';

/** One row read through a mapping: a profile (attributes only) and, in events mode, its event. */
export type RowOutcome =
  { ok: true; profile: Profile; event?: ProfileEvent } | { ok: false; rejection: Rejection };

/** Reads rows of cells (in header order) into profiles. */
export type RowMapper = (cells: readonly string[], line: number) => RowOutcome;

const TEXT_FIELDS = ['name', 'pushToken', 'locale', 'country', 'plan'] as const;
const TAG_SEPARATOR = /[,;|]/;

/**
 * Builds a reader for rows with these headers, or the rejections (row 1, `unknown_column`) when
 * the mapping names a column the file does not have.
 */
export function createRowMapper(
  mapping: ColumnMapping,
  headers: readonly string[],
): { mapper: RowMapper; rejections: [] } | { mapper?: undefined; rejections: Rejection[] } {
  const index = new Map<string, number>();
  headers.forEach((header, i) => {
    if (!index.has(header)) index.set(header, i);
  });
  const missing = mappedColumns(mapping).filter((column) => !index.has(column));
  if (missing.length > 0) {
    return {
      rejections: missing.map((column) =>
        reject(
          1,
          'unknown_column',
          `The mapping uses a column "${column}" that the file does not have.`,
          column,
        ),
      ),
    };
  }
  const at = (column: string): number => index.get(column) ?? -1;
  const cell = (cells: readonly string[], column: string | undefined): string => {
    if (column === undefined) return '';
    return (cells[at(column)] ?? '').trim();
  };
  const { dateOrder, decimalComma } = mapping;

  const mapper: RowMapper = (cells, line) => {
    const fail = (reason: Rejection['reason'], message: string, column?: string): RowOutcome => ({
      ok: false,
      rejection: reject(line, reason, message, column),
    });
    /** Reads typed columns into `into`; returns the rejection of the first bad cell. */
    const readTypedColumns = (
      row: readonly string[],
      columns: readonly TypedColumn[],
      into: Record<string, Scalar>,
    ): RowOutcome | undefined => {
      for (const typed of columns) {
        const text = cell(row, typed.column);
        if (text === '') continue;
        const result = parseTypedCell(text, typed.type, dateOrder, decimalComma);
        if (!result.ok) {
          const message = `"${text}" in column "${typed.column}" is not a ${typed.type}.`;
          return fail(result.reason, message, typed.column);
        }
        into[typed.key] = result.value;
      }
      return undefined;
    };
    const id = cell(cells, mapping.id);
    if (id === '')
      return fail('missing_id', `Line ${line} has no id in column "${mapping.id}".`, mapping.id);
    const attributes: ProfileAttributes = { consent: {}, tags: [], custom: {} };
    for (const field of TEXT_FIELDS) {
      const value = cell(cells, mapping[field]);
      if (value !== '') attributes[field] = value;
    }
    const email = cell(cells, mapping.email);
    if (email !== '') {
      if (!isValidEmail(email))
        return fail('invalid_email', `"${email}" is not an email address.`, mapping.email);
      attributes.email = email;
    }
    const phone = cell(cells, mapping.phone);
    if (phone !== '') {
      if (!isValidPhone(phone))
        return fail('invalid_phone', `"${phone}" is not a phone number.`, mapping.phone);
      attributes.phone = phone;
    }
    const timeZone = cell(cells, mapping.timeZone);
    if (timeZone !== '') {
      if (!isKnownTimeZone(timeZone)) {
        return fail(
          'invalid_time_zone',
          `"${timeZone}" is not an IANA time zone.`,
          mapping.timeZone,
        );
      }
      attributes.timeZone = timeZone;
    }
    for (const field of ['birthday', 'signupDate'] as const) {
      const text = cell(cells, mapping[field]);
      if (text === '') continue;
      const date = parseDateCell(text, dateOrder);
      if (date === undefined)
        return fail('invalid_date', `"${text}" is not a date.`, mapping[field]);
      attributes[field] = date;
    }
    for (const [channel, column] of Object.entries(mapping.consent) as Array<
      [keyof ProfileAttributes['consent'], string | undefined]
    >) {
      const text = cell(cells, column);
      if (text === '') continue;
      const given = parseBooleanCell(text);
      if (given === undefined)
        return fail('invalid_boolean', `"${text}" is not a yes or no answer.`, column);
      attributes.consent[channel] = given;
    }
    for (const column of mapping.tags) {
      for (const tag of cell(cells, column).split(TAG_SEPARATOR)) {
        const t = tag.trim();
        if (t !== '' && !attributes.tags.includes(t)) attributes.tags.push(t);
      }
    }
    const customFailure = readTypedColumns(cells, mapping.custom, attributes.custom);
    if (customFailure) return customFailure;
    const profile: Profile = { id, attributes, events: [] };
    /** The full profile check, its problem named by the file's column. */
    const checked = (event?: ProfileEvent): RowOutcome => {
      const problem = findProfileProblem(event ? { ...profile, events: [event] } : profile);
      if (problem) return fail(problem.reason, problem.message, columnOf(mapping, problem.field));
      return event ? { ok: true, profile, event } : { ok: true, profile };
    };
    const eventRows = mapping.events;
    if (!eventRows) return checked();

    const name =
      'fixed' in eventRows.name ? eventRows.name.fixed : cell(cells, eventRows.name.column);
    if (name === '') {
      const column = 'column' in eventRows.name ? eventRows.name.column : undefined;
      return fail('missing_event_name', `Line ${line} has no event name.`, column);
    }
    const time = cell(cells, eventRows.timestamp);
    const ms = time === '' ? undefined : parseTimestampCell(time, dateOrder);
    if (ms === undefined) {
      return fail('invalid_timestamp', `"${time}" is not a date or time.`, eventRows.timestamp);
    }
    const props: Record<string, Scalar> = {};
    const propsFailure = readTypedColumns(cells, eventRows.props, props);
    if (propsFailure) return propsFailure;
    const hasProps = Object.keys(props).length > 0;
    return checked(hasProps ? { name, at: ms, props } : { name, at: ms });
  };
  return { mapper, rejections: [] };
}

/** The file column a profile field path (from {@link findProfileProblem}) was read from. */
function columnOf(mapping: ColumnMapping, field: string): string {
  const [head, second, third, fourth] = field.split('.');
  if (head === 'id') return mapping.id;
  if (head === 'attributes' && second === 'custom') {
    return mapping.custom.find((c) => c.key === third)?.column ?? field;
  }
  if (head === 'attributes' && second !== undefined && second in mapping) {
    const column = mapping[second as keyof ColumnMapping];
    if (typeof column === 'string') return column;
    if (second === 'tags') return mapping.tags[0] ?? field;
  }
  if (head === 'events' && mapping.events) {
    if (third === 'at') return mapping.events.timestamp;
    if (third === 'props')
      return mapping.events.props.find((p) => p.key === fourth)?.column ?? field;
    if (third === 'name' && 'column' in mapping.events.name) return mapping.events.name.column;
  }
  return field;
}
