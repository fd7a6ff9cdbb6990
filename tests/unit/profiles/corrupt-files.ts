import fc from 'fast-check';
import type { ColumnMappingInput } from '../../../src/domain/profiles/import/mapping';
import type { RejectionCode } from '../../../src/domain/profiles/import/report';
import type { ProfileFileKind } from '../../../src/workers/profiles/profiles-protocol';

/** An error planted on purpose: the import must reject exactly this line, for this reason and field. */
export interface Planted {
  row: number;
  reason: RejectionCode;
  column?: string;
}

/** A corrupted file and what an exact importer must say about it. */
export interface CorruptFile {
  label: string;
  kind: ProfileFileKind;
  bytes: Uint8Array<ArrayBuffer>;
  mapping?: ColumnMappingInput;
  /** The data rows the file was made with. */
  rows: number;
  /** Known exactly unless the file was truncated. */
  planted?: Planted[];
  /** The whole file must be refused, at this line when known, for this reason. */
  refused?: { reason: RejectionCode; row?: number };
}

const encode = (text: string) => new TextEncoder().encode(text);

/** Up to `max` distinct row indexes below `n`, each with a corruption from `ops`. */
function corruptions<T>(n: number, ops: fc.Arbitrary<T>, from = 0, max = 8) {
  return fc.uniqueArray(
    fc.record({ index: fc.integer({ min: from, max: Math.max(from, n - 1) }), op: ops }),
    { maxLength: n > from ? max : 0, selector: (c) => c.index },
  );
}

const truncation = fc.option(fc.double({ min: 0.05, max: 0.98, noNaN: true }), { freq: 4 });

function truncated(text: string, at: number | null): string {
  return at === null ? text : text.slice(0, Math.floor(text.length * at));
}

// ---- profile CSV -------------------------------------------------------------------------------
const PROFILE_MAPPING: ColumnMappingInput = {
  id: 'id',
  email: 'email',
  birthday: 'dob',
  custom: [
    { column: 'ltv', key: 'ltv', type: 'number' },
    { column: 'vip', key: 'vip', type: 'boolean' },
  ],
};
type CsvOp =
  | { cell: 'ltv'; value: string }
  | { cell: 'dob'; value: string }
  | { cell: 'vip'; value: string }
  | { cell: 'email'; value: string }
  | { cell: 'id' }
  | { shape: 'fewer' | 'more' };
const csvOp: fc.Arbitrary<CsvOp> = fc.oneof(
  fc.record({
    cell: fc.constant('ltv' as const),
    value: fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', 'abc', '1.2.3', '--4'),
  }),
  fc.record({
    cell: fc.constant('dob' as const),
    value: fc.constantFrom('1990-13-45', '2023-02-29', '1990-00-10', 'soon', '31/31/2020'),
  }),
  fc.record({ cell: fc.constant('vip' as const), value: fc.constantFrom('maybe', '2', 'NaN') }),
  fc.record({ cell: fc.constant('email' as const), value: fc.constantFrom('no-at', 'a@', '@b') }),
  fc.record({ cell: fc.constant('id' as const) }),
  fc.record({ shape: fc.constantFrom('fewer' as const, 'more' as const) }),
);
const CSV_REASONS = {
  ltv: 'invalid_number',
  dob: 'invalid_date',
  vip: 'invalid_boolean',
  email: 'invalid_email',
} as const;

export const profileCsv: fc.Arbitrary<CorruptFile> = fc
  .integer({ min: 1, max: 300 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      ops: corruptions(n, csvOp),
      quote: fc.option(fc.integer({ min: 0, max: n - 1 }), { freq: 3 }),
      cut: truncation,
      crlf: fc.boolean(),
    }),
  )
  .map(({ n, ops, quote, cut, crlf }) => {
    const lines = ['id,email,dob,ltv,vip'];
    const planted: Planted[] = [];
    for (let i = 0; i < n; i++) {
      const cells = [`c${i}`, `c${i}@example.com`, `1990-01-${(i % 28) + 1}`, `${i * 1.5}`, 'yes'];
      const op = ops.find((o) => o.index === i)?.op;
      const row = i + 2;
      if (op && 'shape' in op) {
        if (op.shape === 'fewer') cells.pop();
        else cells.push('extra');
        planted.push({ row, reason: 'malformed_row' });
      } else if (op?.cell === 'id') {
        cells[0] = '';
        planted.push({ row, reason: 'missing_id', column: 'id' });
      } else if (op) {
        const at = { email: 1, dob: 2, ltv: 3, vip: 4 }[op.cell];
        cells[at] = op.value;
        planted.push({ row, reason: CSV_REASONS[op.cell], column: op.cell });
      }
      if (quote === i) cells[1] = `"${cells[1] ?? ''}`;
      lines.push(cells.join(','));
    }
    const text = truncated(lines.join(crlf ? '\r\n' : '\n') + '\n', cut);
    const file: CorruptFile = {
      label: `csv n=${n} ops=${ops.length} quote=${quote} cut=${cut}`,
      kind: 'csv',
      bytes: encode(text),
      mapping: PROFILE_MAPPING,
      rows: n,
    };
    if (quote !== null && text.includes('"')) {
      file.refused = { reason: 'unbalanced_quote', row: quote + 2 };
    } else if (cut === null) file.planted = planted;
    return file;
  });

// ---- events CSV --------------------------------------------------------------------------------
const EVENTS_MAPPING: ColumnMappingInput = {
  id: 'customer_id',
  events: {
    name: { column: 'event' },
    timestamp: 'timestamp',
    props: [{ column: 'amount', key: 'amount', type: 'number' }],
  },
};
type EventOp = { cell: 'timestamp' | 'amount'; value: string } | { cell: 'event' };
const eventOp: fc.Arbitrary<EventOp> = fc.oneof(
  fc.record({
    cell: fc.constant('timestamp' as const),
    value: fc.constantFrom('2024-13-45', 'yesterday', '99999999999999', '2024-02-30', '0'),
  }),
  fc.record({ cell: fc.constant('amount' as const), value: fc.constantFrom('NaN', '1e999', 'x') }),
  fc.record({ cell: fc.constant('event' as const) }),
);

export const eventsCsv: fc.Arbitrary<CorruptFile> = fc
  .integer({ min: 1, max: 250 })
  .chain((n) => fc.record({ n: fc.constant(n), ops: corruptions(n, eventOp), cut: truncation }))
  .map(({ n, ops, cut }) => {
    const lines = ['customer_id,event,timestamp,amount'];
    const planted: Planted[] = [];
    for (let i = 0; i < n; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const cells = [`c${i % 9}`, 'order', `2024-03-${day}T10:00:00Z`, `${i}.5`];
      const op = ops.find((o) => o.index === i)?.op;
      if (op?.cell === 'event') {
        cells[1] = '';
        planted.push({ row: i + 2, reason: 'missing_event_name', column: 'event' });
      } else if (op?.cell === 'timestamp') {
        cells[2] = op.value;
        planted.push({ row: i + 2, reason: 'invalid_timestamp', column: 'timestamp' });
      } else if (op) {
        cells[3] = op.value;
        planted.push({ row: i + 2, reason: 'invalid_number', column: 'amount' });
      }
      lines.push(cells.join(','));
    }
    const file: CorruptFile = {
      label: `events n=${n} ops=${ops.length} cut=${cut}`,
      kind: 'csv',
      bytes: encode(truncated(lines.join('\n'), cut)),
      mapping: EVENTS_MAPPING,
      rows: n,
    };
    if (cut === null) file.planted = planted;
    return file;
  });

// ---- JSON and NDJSON ---------------------------------------------------------------------------
type JsonOp = 'infinite' | 'bad-date' | 'no-id' | 'bad-time' | 'bad-email' | 'syntax';
const JSON_PLANTS: Record<Exclude<JsonOp, 'syntax'>, { reason: RejectionCode; column: string }> = {
  infinite: { reason: 'invalid_profile', column: 'attributes.custom.ltv' },
  'bad-date': { reason: 'invalid_date', column: 'attributes.birthday' },
  'no-id': { reason: 'missing_id', column: 'id' },
  'bad-time': { reason: 'invalid_profile', column: 'events.0.at' },
  'bad-email': { reason: 'invalid_email', column: 'email' },
};

function jsonRecord(i: number, op: JsonOp | undefined): string {
  const ltv = op === 'infinite' ? '1e999' : String(i);
  const birthday = op === 'bad-date' ? '1990-13-45' : '1990-02-03';
  const email = op === 'bad-email' ? 'not-an-email' : `p${i}@example.com`;
  const at = op === 'bad-time' ? '"garbage"' : String(Date.UTC(2024, 0, 1 + (i % 200)));
  const id = op === 'no-id' ? '' : `"id":"p${i}",`;
  const text = `{${id}"attributes":{"email":"${email}","birthday":"${birthday}","custom":{"ltv":${ltv}}},"events":[{"name":"visit","at":${at}}]}`;
  return op === 'syntax' ? text.slice(0, -3) : text;
}

export const jsonFile: fc.Arbitrary<CorruptFile> = fc
  .record({ n: fc.integer({ min: 1, max: 120 }), ndjson: fc.boolean() })
  .chain(({ n, ndjson }) =>
    fc.record({
      n: fc.constant(n),
      ndjson: fc.constant(ndjson),
      ops: corruptions(
        n,
        fc.constantFrom<JsonOp>(
          'infinite',
          'bad-date',
          'no-id',
          'bad-time',
          'bad-email',
          ...(ndjson ? (['syntax'] as const) : []),
        ),
      ),
      cut: truncation,
    }),
  )
  .map(({ n, ndjson, ops, cut }) => {
    const planted: Planted[] = [];
    const records: string[] = [];
    for (let i = 0; i < n; i++) {
      const op = ops.find((o) => o.index === i)?.op;
      records.push(jsonRecord(i, op));
      const row = ndjson ? i + 1 : i + 2;
      if (op === 'syntax') planted.push({ row, reason: 'bad_json' });
      else if (op) planted.push({ row, ...JSON_PLANTS[op] });
    }
    const whole = ndjson ? records.join('\n') : `[\n${records.join(',\n')}\n]`;
    const text = truncated(whole, cut);
    const file: CorruptFile = {
      label: `${ndjson ? 'ndjson' : 'json'} n=${n} ops=${ops.length} cut=${cut}`,
      kind: 'json',
      bytes: encode(text),
      rows: n,
    };
    // One broken record that is the whole file is a broken file.
    if (ndjson && n === 1 && ops[0]?.op === 'syntax') file.refused = { reason: 'bad_json', row: 1 };
    else if (cut === null) file.planted = planted;
    else if (!ndjson) file.refused = { reason: 'bad_json' };
    return file;
  });

// ---- CDNOW -------------------------------------------------------------------------------------
type CdnowOp = 'date' | 'cds' | 'amount' | 'columns';
const CDNOW_PLANTS: Record<CdnowOp, Omit<Planted, 'row'>> = {
  date: { reason: 'invalid_date', column: 'date' },
  cds: { reason: 'invalid_number', column: 'number_of_cds' },
  amount: { reason: 'invalid_number', column: 'dollar_value' },
  columns: { reason: 'malformed_row' },
};

export const cdnowFile: fc.Arbitrary<CorruptFile> = fc
  .integer({ min: 8, max: 300 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      // The first lines identify the format; corruptions there are tested as unrecognised files.
      ops: corruptions(n, fc.constantFrom<CdnowOp>('date', 'cds', 'amount', 'columns'), 6),
      cut: truncation,
    }),
  )
  .map(({ n, ops, cut }) => {
    const planted: Planted[] = [];
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const op = ops.find((o) => o.index === i)?.op;
      const id = String((i % 40) + 1).padStart(5, '0');
      const date = op === 'date' ? '19971345' : `1997${String((i % 12) + 1).padStart(2, '0')}15`;
      const cds = op === 'cds' ? 'x' : String((i % 3) + 1);
      const amount = op === 'amount' ? '9'.repeat(400) : `${(i % 50) + 1}.99`;
      lines.push(op === 'columns' ? `${id} ${date} ${cds}` : `${id} ${date} ${cds} ${amount}`);
      if (op) planted.push({ row: i + 1, ...CDNOW_PLANTS[op] });
    }
    const file: CorruptFile = {
      label: `cdnow n=${n} ops=${ops.length} cut=${cut}`,
      kind: 'cdnow',
      bytes: encode(truncated(lines.join('\n'), cut)),
      rows: n,
    };
    if (cut === null) file.planted = planted;
    return file;
  });

// ---- binaries ----------------------------------------------------------------------------------
const MAGIC = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x89, 0x50, 0x4e, 0x47],
  [0x25, 0x50, 0x44, 0x46, 0x2d],
  [0x1f, 0x8b],
  [0xff, 0xd8, 0xff],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
];

/** Bytes that are control characters in every encoding: C0 but tab, LF, FF and CR; DEL. */
const CONTROL_BYTES = new Set(
  Array.from({ length: 128 }, (_, b) => b).filter(
    (b) => (b < 32 && ![9, 10, 12, 13].includes(b)) || b === 127,
  ),
);

/** Whether bytes hold, as valid UTF-8, a character a single-byte export would hardly hold (see `utf8-census.ts`). */
function holdsUtf8Letters(bytes: Uint8Array): boolean {
  // Latin-1 punctuation and letters with a diacritic, typographic dashes and quotes, and "€".
  return /[\u00A0-\u017F\u2010-\u203A\u20AC]/u.test(new TextDecoder().decode(bytes));
}

export const binaryFile: fc.Arbitrary<CorruptFile> = fc
  .record({
    how: fc.constantFrom('magic', 'nul', 'latin1', 'random'),
    magic: fc.constantFrom(...MAGIC),
    noise: fc.uint8Array({ minLength: 0, maxLength: 400 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom<ProfileFileKind>('csv', 'json', 'cdnow'),
  })
  .map(({ how, magic, noise, at, kind }) => {
    const text = encode('id,email,name\nc1,a@example.com,Ann\nc2,b@example.com,Bob\n');
    let bytes: Uint8Array<ArrayBuffer>;
    if (how === 'magic') bytes = new Uint8Array([...magic, ...noise]);
    // Starting with a letter: random bytes never make a byte-order mark that names UTF-16.
    else if (how === 'random') bytes = new Uint8Array([0x41, ...noise, 0xff, ...noise]);
    else {
      const cut = Math.floor(text.length * at);
      // 0xE9 alone is "é" in Latin-1 and never valid UTF-8.
      const bad = how === 'nul' ? [0x00] : [0xe9, 0x41];
      bytes = new Uint8Array([...text.slice(0, cut), ...bad, ...text.slice(cut)]);
    }
    return {
      label: `binary ${how} ${kind}`,
      kind,
      bytes,
      rows: 0,
      mapping: { id: 'id', email: 'email', name: 'name' },
      // A NUL, a control character no text has, or a signature says binary; other bytes that
      // are not UTF-8 may be text in another encoding, refused until the user names it, unless
      // some are UTF-8 beyond ASCII: no one encoding reads such a mix.
      refused: {
        reason:
          how === 'magic' || bytes.some((b) => CONTROL_BYTES.has(b))
            ? 'binary_file'
            : holdsUtf8Letters(bytes)
              ? 'mixed_encoding'
              : 'not_utf8',
      },
    } satisfies CorruptFile;
  });

/** Every kind of corrupted file, mixed. */
export const corruptFile = fc.oneof(profileCsv, eventsCsv, jsonFile, cdnowFile, binaryFile);
