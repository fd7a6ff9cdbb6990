// @vitest-environment node
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createIntl, type IntlShape } from 'react-intl';
import { describe, expect, it } from 'vitest';
import {
  DIAGNOSTIC_PARAMS,
  LOAD_PROBLEM_PARAMS,
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

/** Each family of ids the app builds from a domain code, with its registry of parameters. */
const FAMILIES: [prefix: string, registry: Record<string, readonly string[]>][] = [
  ['diagnostic.', DIAGNOSTIC_PARAMS],
  ['restore.', LOAD_PROBLEM_PARAMS],
];

/** Each registered code whose message is missing or whose ICU arguments are not its parameters. */
function registryProblems(
  catalogue: Record<string, string>,
  prefix: string,
  registry: Record<string, readonly string[]>,
): string[] {
  const problems: string[] = [];
  for (const [code, params] of Object.entries(registry)) {
    const message = catalogue[`${prefix}${code}`];
    if (message === undefined) {
      problems.push(`${code}: missing`);
      continue;
    }
    // Tags (`<code>` around a path) are markup, not parameters.
    const args = Object.entries(messageSignature(message))
      .filter(([, kind]) => kind !== 'tag')
      .map(([name]) => name)
      .sort();
    const names = [...params].sort();
    if (args.join() !== names.join())
      problems.push(`${code}: arguments ${args.join()} ≠ parameters ${names.join()}`);
  }
  return problems;
}

describe.each(FAMILIES)('%s<code> messages in the catalogues', (prefix, registry) => {
  it.each(Object.entries(catalogues))(
    'in %s, every code the domain can emit has its id with exactly its parameters',
    (_locale, catalogue) => {
      expect(registryProblems(catalogue, prefix, registry)).toEqual([]);
    },
  );

  it('hold no id of this family the domain cannot emit', () => {
    for (const catalogue of Object.values(catalogues)) {
      const ids = Object.keys(catalogue).filter((id) => id.startsWith(prefix));
      expect(ids.filter((id) => !Object.hasOwn(registry, id.slice(prefix.length)))).toEqual([]);
    }
  });
});

describe('the registry check (it can fail)', () => {
  it('names a missing message, a dropped parameter and an extra argument', () => {
    const registry = { 'self-loop': ['step'], 'no-trigger': [], 'unreachable-step': ['step'] };
    expect(
      registryProblems(
        { 'd.self-loop': 'It leads to itself.', 'd.no-trigger': 'Add {what}.' },
        'd.',
        registry,
      ),
    ).toEqual([
      'self-loop: arguments  ≠ parameters step',
      'no-trigger: arguments what ≠ parameters ',
      'unreachable-step: missing',
    ]);
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
