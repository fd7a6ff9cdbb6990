import { describe, expect, it } from 'vitest';
import { toSafeCsv } from '../../../src/domain/text/safe-csv';
import {
  displayName,
  MAX_FILE_NAME_LENGTH,
  neutraliseBidi,
  safeFileName,
} from '../../../src/domain/text/safe-text';

const RLO = '\u202E';

describe('bidi controls', () => {
  it('a right-to-left override cannot make "gnp.exe" read as "exe.png"', () => {
    const name = `invoice-${RLO}gnp.exe`;
    expect(neutraliseBidi(name)).toBe('invoice-gnp.exe');
    expect(displayName(name)).toBe('invoice-gnp.exe');
    expect(safeFileName(name)).toBe('invoice-gnp.exe');
  });

  it('removes every embedding, override, isolate and mark, and turns control characters into spaces', () => {
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    expect(displayName(`a${all}b`)).toBe('ab');
    expect(displayName(' Spring\tsale\nlaunch\u0000 ')).toBe('Spring sale launch');
    expect(displayName('مرحبا Welcome')).toBe('مرحبا Welcome');
  });
});

describe('file names', () => {
  it('keeps the extension, drops path separators, reserved characters and leading dots', () => {
    expect(safeFileName('../../etc/passwd.json')).toBe('etc-passwd.json');
    expect(safeFileName('a<b>c:d"e|f?g*h.csv')).toBe('a-b-c-d-e-f-g-h.csv');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName(`${RLO}`, 'profiles')).toBe('profiles');
  });

  it('cuts a 10,000-character name, keeping the extension', () => {
    const name = safeFileName(`${'x'.repeat(10_000)}.journey.json`);
    expect(name.length).toBe(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.json')).toBe(true);
  });
});

describe('CSV exports', () => {
  it.each(['=1+2', '+1', '-1+2', '@SUM(A1)', '\tcmd', '\rcmd', '=HYPERLINK("http://x","y")'])(
    'prefixes the formula %j so a spreadsheet shows it as text',
    (cell) => {
      const [, line] = toSafeCsv([['label'], [cell]]).split('\n');
      expect(line?.replace(/^"|"$/g, '').startsWith(`'`)).toBe(true);
    },
  );

  it('leaves numbers (negative ones too) and ordinary text alone', () => {
    expect(
      toSafeCsv([
        ['a', 'b', 'c'],
        [-5, 'Welcome email', 3.5],
      ]),
    ).toBe('a,b,c\n-5,Welcome email,3.5\n');
  });
});
