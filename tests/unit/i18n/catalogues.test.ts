// @vitest-environment node
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { catalogueProblems, messageSignature } from '../../support/catalogue-check.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(root, 'src/i18n/messages', `${locale}.json`), 'utf8'));
const en = read('en');
const fr = read('fr');
const formatjs = path.join(root, 'node_modules/@formatjs/cli/bin/formatjs');
const run = promisify(execFile);

/**
 * Ids the code builds from a domain code (a diagnostic's, a suppression reason's…): formatjs
 * cannot see them in the source, so each family is checked against its codes by its own test.
 */
const BUILT_ID_PREFIXES: string[] = [
  'diagnostic.',
  'restore.',
  // Why something failed, from a coded reason's code (src/i18n/failure-words.ts).
  'failure.',
  // Step kinds' names, summaries and branches, conditions' wording, attribute names
  // and schema-form field and option names (tests/unit/i18n/step-words.test.ts and
  // condition-words.test.ts).
  'step.',
  'cond.',
  'attribute.',
  'field.',
  'option.',
  // Editor commands' names and help lines, by command id (tests/unit/i18n/command-words.test.ts).
  'command.',
  // Simulation trace reasons, by code (tests/unit/i18n/trace-words.test.ts).
  'trace.',
  // Why the editor refused an action, by code (tests/unit/i18n/refusal-words.test.ts).
  'refusal.',
];

describe('the message catalogues', () => {
  it('hold every id in English and French with the same ICU arguments', () => {
    expect(catalogueProblems({ en, fr })).toEqual([]);
  });

  it('pass formatjs verify (missing and extra keys, structural equality)', async () => {
    const { stdout, stderr } = await run(process.execPath, [
      formatjs,
      'verify',
      '--source-locale',
      'en',
      '--missing-keys',
      '--extra-keys',
      '--structural-equality',
      path.join(root, 'src/i18n/messages/en.json'),
      path.join(root, 'src/i18n/messages/fr.json'),
    ]);
    expect(`${stdout}${stderr}`).not.toMatch(/error|missing|extra/i);
  }, 60_000);

  it('hold every id the app uses, and only those', async () => {
    const { stdout } = await run(
      process.execPath,
      [formatjs, 'extract', 'src/**/*.{ts,tsx}', '--ignore', 'src/**/*.d.ts'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    const used = Object.keys(JSON.parse(stdout) as Record<string, unknown>);
    expect(used.filter((id) => !(id in en))).toEqual([]);
    const unused = Object.keys(en).filter(
      (id) => !used.includes(id) && !BUILT_ID_PREFIXES.some((prefix) => id.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  }, 60_000);

  it('are sorted by id, so merges of parallel work stay line by line', () => {
    for (const catalogue of [en, fr]) {
      const ids = Object.keys(catalogue);
      expect(ids).toEqual([...ids].sort());
    }
  });
});

describe('catalogueProblems (the check above can fail)', () => {
  it('names an id missing from one language', () => {
    expect(catalogueProblems({ en: { a: 'A', b: 'B' }, fr: { a: 'A' } })).toEqual([
      'b: missing in fr',
    ]);
  });

  it('names a translation that drops, renames or retypes an argument', () => {
    const problems = catalogueProblems({
      en: {
        dropped: '{count} steps',
        renamed: 'Hello {name}',
        retyped: '{count, plural, one {# step} other {# steps}}',
        tag: 'Read <b>this</b>',
      },
      fr: {
        dropped: 'des étapes',
        renamed: 'Bonjour {nom}',
        retyped: '{count} étapes',
        tag: 'Lisez ceci',
      },
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['dropped', 'renamed', 'retyped', 'tag']);
  });

  it('names a message that does not parse', () => {
    expect(catalogueProblems({ en: { a: '{count, plural, one {x}' }, fr: { a: 'x' } })[0]).toMatch(
      /^a: does not parse in en/,
    );
  });

  it('accepts French plural categories English lacks', () => {
    expect(
      catalogueProblems({
        en: { n: '{n, plural, one {# profile} other {# profiles}}' },
        fr: { n: '{n, plural, one {# profil} many {# de profils} other {# profils}}' },
      }),
    ).toEqual([]);
    expect(messageSignature('{n, plural, one {#} other {#}} <b>{who}</b>')).toEqual({
      b: 'tag',
      n: 'plural',
      who: 'argument',
    });
  });
});
