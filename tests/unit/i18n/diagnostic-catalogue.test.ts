// @vitest-environment node
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createIntl, type IntlShape } from 'react-intl';
import { describe, expect, it } from 'vitest';
import {
  DIAGNOSTIC_CODES,
  DIAGNOSTIC_PARAMS,
  restore,
  validate,
  validateSpec,
  type Diagnostic,
} from '../../../src/domain/index.ts';
import { diagnosticText } from '../../../src/i18n/diagnostic-text.ts';
import { loadMessages } from '../../../src/i18n/load-messages.ts';
import { baseInputs, buildCase, fuzzCaseArb } from '../../fuzz/document-mutations.ts';
import { messageSignature } from '../../support/catalogue-check.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(root, 'src/i18n/messages', `${locale}.json`), 'utf8'));
const catalogues = { en: read('en'), fr: read('fr') };

/** French, failing loudly on a missing id or a value a message cannot take. */
async function frenchIntl(errors: string[]): Promise<IntlShape> {
  return createIntl({
    locale: 'fr',
    defaultLocale: 'en',
    messages: await loadMessages('fr'),
    onError: (error) => errors.push(`${error.code}: ${error.message}`),
  });
}

describe('diagnostic messages in the catalogues', () => {
  it.each(Object.entries(catalogues))(
    'in %s, every code the domain can emit has diagnostic.<code> with exactly its parameters',
    (_locale, catalogue) => {
      const problems: string[] = [];
      for (const code of DIAGNOSTIC_CODES) {
        const message = catalogue[`diagnostic.${code}`];
        if (message === undefined) {
          problems.push(`${code}: missing`);
          continue;
        }
        const args = Object.keys(messageSignature(message)).sort();
        const params = [...DIAGNOSTIC_PARAMS[code]].sort();
        if (args.join() !== params.join())
          problems.push(`${code}: arguments ${args.join()} ≠ parameters ${params.join()}`);
      }
      expect(problems).toEqual([]);
    },
  );

  it('hold no diagnostic id the domain cannot emit', () => {
    for (const catalogue of Object.values(catalogues)) {
      const ids = Object.keys(catalogue).filter((id) => id.startsWith('diagnostic.'));
      expect(ids.filter((id) => !(DIAGNOSTIC_CODES as string[]).includes(id.slice(11)))).toEqual(
        [],
      );
    }
  });

  it('the check above can fail: a message that drops a parameter is named', () => {
    const args = Object.keys(messageSignature('{step} leads to itself.'));
    expect(args).toEqual([...DIAGNOSTIC_PARAMS['self-loop']]);
    expect(Object.keys(messageSignature('It leads to itself.'))).not.toEqual(args);
  });
});

describe('every diagnostic a mutated journey produces reads in French', () => {
  it('with no missing id, no formatting error and not in the domain’s English', async () => {
    const errors: string[] = [];
    const intl = await frenchIntl(errors);
    const bases = baseInputs();
    const seen = new Set<string>();
    let shown = 0;
    fc.assert(
      fc.property(fuzzCaseArb, (c) => {
        const { input } = buildCase(bases, c);
        let diagnostics: Diagnostic[];
        if (c.asSpec) diagnostics = validateSpec(input);
        else {
          const restored = restore(input);
          diagnostics = restored.ok ? validate(restored.document) : [];
        }
        for (const d of diagnostics) {
          const text = diagnosticText(intl, d);
          seen.add(d.code);
          shown++;
          expect(errors).toEqual([]);
          expect(text).not.toBe(`diagnostic.${d.code}`);
          expect(text).not.toBe(d.message);
          // The English message's own words (beyond the names and numbers it quotes) are gone.
          expect(text).not.toContain(d.message);
        }
      }),
      { seed: 20261206, numRuns: 1500 },
    );
    // The mix must reach well beyond one or two codes, or the property proves little.
    expect(shown).toBeGreaterThan(500);
    expect(seen.size).toBeGreaterThan(15);
  }, 120_000);
});
