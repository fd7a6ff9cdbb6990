import { parseBooleanCell, parseDateCell, parseNumberCell, parseTimestampCell } from './cells';
import { type ColumnMapping, distinctKey, type TypedColumn, type ValueType } from './mapping';

type Field =
  | 'id'
  | 'email'
  | 'phone'
  | 'name'
  | 'pushToken'
  | 'timeZone'
  | 'locale'
  | 'country'
  | 'birthday'
  | 'signupDate'
  | 'plan';

/** Normalised header names that name each field, best first. */
const FIELD_NAMES: Record<Field, readonly string[]> = {
  id: [
    'id',
    'customerid',
    'userid',
    'contactid',
    'externalid',
    'memberid',
    'accountid',
    'clientid',
    'customer',
    'profileid',
  ],
  email: ['email', 'emailaddress', 'mail', 'emailaddr'],
  phone: ['phone', 'phonenumber', 'mobile', 'mobilenumber', 'cell', 'msisdn', 'telephone'],
  name: ['name', 'fullname', 'customername', 'contactname', 'displayname'],
  pushToken: ['pushtoken', 'devicetoken', 'fcmtoken', 'apnstoken'],
  timeZone: ['timezone', 'tz', 'tzname'],
  locale: ['locale', 'language', 'lang'],
  country: ['country', 'countrycode', 'countryiso'],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob'],
  signupDate: [
    'signupdate',
    'signedupat',
    'signup',
    'createdat',
    'registrationdate',
    'registeredat',
    'joined',
    'joindate',
  ],
  plan: ['plan', 'tier', 'subscription', 'subscriptionplan'],
};
const TIMESTAMP_NAMES = [
  'timestamp',
  'time',
  'date',
  'occurredat',
  'eventtime',
  'eventdate',
  'orderdate',
  'purchasedat',
  'purchasedate',
  'createdat',
  'at',
];
const EVENT_NAME_NAMES = ['event', 'eventname', 'eventtype', 'type', 'action'];
const TAG_NAMES = ['tags', 'tag', 'labels', 'segments'];
const CONSENT_CHANNEL_WORDS = {
  email: ['email', 'newsletter'],
  sms: ['sms', 'text'],
  push: ['push'],
  in_app: ['inapp'],
} as const;
const CONSENT_WORDS = ['consent', 'optin', 'optedin', 'subscribed', 'marketing', 'allowed'];

function norm(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A custom attribute key from a column header: `Loyalty Points` → `loyaltyPoints`. */
export function attributeKey(header: string): string {
  const words = header
    .trim()
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const [first = 'field', ...rest] = words;
  return (
    first.toLowerCase() +
    rest.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('')
  );
}

const NUMBER_LIKE = /^[+-]?[$€£¥]?\s?\d[\d., ]*$/;
const DECIMAL_COMMA = /^[+-]?[$€£¥]?\s?\d+,(\d{1,2}|\d{4,})$/;
const DECIMAL_POINT = /^[+-]?[$€£¥]?\s?(\d+\.(\d{1,2}|\d{4,})|0\.\d+|\d{1,3}(,\d{3})+\.\d+)$/;

function valuesOf(rows: readonly (readonly string[])[], index: number): string[] {
  return rows.map((row) => (row[index] ?? '').trim()).filter((v) => v !== '');
}

/**
 * Share of a column's sample values that must fit a type for the column to get it. The rest are
 * not quietly kept as text: the import rejects them by row and column, and the user sees and can
 * change every inferred type before importing. One stray `NaN` must not make a column text.
 */
export const TYPE_AGREEMENT = 0.9;

/** Whether enough of the values pass `test` (all of them for tiny samples). */
function mostly(values: readonly string[], test: (v: string) => boolean): boolean {
  let fit = 0;
  for (const v of values) if (test(v)) fit++;
  return values.length < 10 ? fit === values.length : fit >= values.length * TYPE_AGREEMENT;
}

/** The type (almost) every sample value of a column fits, text when nothing narrower does. */
export function inferValueType(values: readonly string[], decimalComma = false): ValueType {
  if (values.length === 0) return 'text';
  const all = (test: (v: string) => boolean): boolean => mostly(values, test);
  if (all((v) => /^(true|false|yes|no|y|n)$/i.test(v))) return 'boolean';
  if (
    all((v) => parseNumberCell(v, decimalComma) !== undefined) &&
    !all((v) => /^\d{8}$/.test(v) && parseDateCell(v, 'mdy') !== undefined)
  ) {
    return 'number';
  }
  if (all((v) => parseDateCell(v, 'mdy') !== undefined || parseDateCell(v, 'dmy') !== undefined))
    return 'date';
  if (all((v) => parseBooleanCell(v) !== undefined)) return 'boolean';
  return 'text';
}

/**
 * Guesses a mapping from the header and sample rows (as many as the caller read, ideally the
 * whole file): known column names for the profile fields
 * and consent, repeated ids with a time column for "rows are events", and a type for every
 * other column from its values. The user reviews it before importing.
 */
export function suggestMapping(
  headers: readonly string[],
  sampleRows: readonly (readonly string[])[],
): ColumnMapping {
  const normalised = headers.map(norm);
  const used = new Set<number>();
  const find = (names: readonly string[]): number => {
    for (const name of names) {
      const i = normalised.findIndex((h, k) => h === name && !used.has(k));
      if (i >= 0) return i;
    }
    return -1;
  };
  const take = (names: readonly string[]): string | undefined => {
    const i = find(names);
    if (i < 0) return undefined;
    used.add(i);
    return headers[i];
  };

  let idIndex = find(FIELD_NAMES.id);
  if (idIndex < 0) idIndex = normalised.findIndex((h) => h.endsWith('id'));
  if (idIndex < 0) idIndex = 0;
  used.add(idIndex);
  const mapping: ColumnMapping = {
    id: headers[idIndex] ?? '',
    consent: {},
    tags: [],
    custom: [],
    dateOrder: 'mdy',
    decimalComma: false,
  };
  for (const field of Object.keys(FIELD_NAMES) as Field[]) {
    if (field === 'id') continue;
    const column = take(FIELD_NAMES[field]);
    if (column !== undefined) mapping[field] = column;
  }
  normalised.forEach((h, i) => {
    if (used.has(i) || !CONSENT_WORDS.some((w) => h.includes(w))) return;
    for (const [channel, words] of Object.entries(CONSENT_CHANNEL_WORDS) as Array<
      [keyof typeof CONSENT_CHANNEL_WORDS, readonly string[]]
    >) {
      if (mapping.consent[channel] === undefined && words.some((w) => h.includes(w))) {
        mapping.consent[channel] = headers[i];
        used.add(i);
        return;
      }
    }
  });
  const tags = take(TAG_NAMES);
  if (tags !== undefined) mapping.tags.push(tags);

  const ids = valuesOf(sampleRows, idIndex);
  const idsRepeat = new Set(ids).size < ids.length;
  const eventNameIndex = find(EVENT_NAME_NAMES);
  const timestampIndex = find(TIMESTAMP_NAMES);
  const timestampWorks =
    timestampIndex >= 0 &&
    mostly(valuesOf(sampleRows, timestampIndex), (v) => parseTimestampCell(v, 'mdy') !== undefined);
  const eventsMode = timestampWorks && (eventNameIndex >= 0 || idsRepeat);
  if (eventsMode) {
    used.add(timestampIndex);
    if (eventNameIndex >= 0) used.add(eventNameIndex);
  }

  const slashDates = headers
    .flatMap((_, i) => valuesOf(sampleRows, i))
    .filter((v) => /^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/.test(v));
  if (slashDates.some((v) => Number(v.split(/[/.]/)[0]) > 12)) mapping.dateOrder = 'dmy';

  // `1,5` or `12,99` (a comma not followed by exactly three digits) is a decimal comma, never
  // grouped thousands; `1,500` alone says nothing either way. Only columns of numbers count (a
  // text column's `3,4` says nothing), and one decimal point in any of them (`0.125`, `1.5`,
  // `1,234.50`) keeps the point: reading that file with a comma would scale its numbers.
  const numberColumns = headers
    .map((_, i) => (used.has(i) ? [] : valuesOf(sampleRows, i)))
    .filter((values) => values.length > 0 && mostly(values, (v) => NUMBER_LIKE.test(v)));
  mapping.decimalComma =
    numberColumns.some((values) => values.some((v) => DECIMAL_COMMA.test(v))) &&
    !numberColumns.some((values) => values.some((v) => DECIMAL_POINT.test(v)));

  const rest: TypedColumn[] = [];
  const keys = new Set<string>();
  headers.forEach((header, i) => {
    if (used.has(i) || header.trim() === '') return;
    const key = distinctKey(attributeKey(header), keys);
    keys.add(key);
    rest.push({
      column: header,
      key,
      type: inferValueType(valuesOf(sampleRows, i), mapping.decimalComma),
    });
  });
  if (!eventsMode) {
    mapping.custom = rest;
    return mapping;
  }
  const looksLikeOrders = normalised.some((h) => /amount|price|total|value|order/.test(h));
  mapping.events = {
    name:
      eventNameIndex >= 0
        ? { column: headers[eventNameIndex] ?? '' }
        : { fixed: looksLikeOrders ? 'order_placed' : 'event' },
    timestamp: headers[timestampIndex] ?? '',
    props: rest,
  };
  return mapping;
}
