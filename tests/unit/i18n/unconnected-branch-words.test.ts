// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  STEP_DEFINITION_LIST,
  branchesOf,
  validate,
  type Diagnostic,
  type JourneyDocument,
} from '../../../src/domain/index.ts';
import { diagnosticText } from '../../../src/i18n/diagnostic-text.ts';
import { formatStepPhrase } from '../../../src/i18n/step-words.ts';
import { testIntl } from '../../support/test-intl.ts';
import { makeDoc, validConfig } from '../journey/doc-fixture.ts';

const english = await testIntl('en');
const french = await testIntl('fr');

/** A trigger into one step `s` of `kind` whose paths all lead nowhere. */
function loose(kind: Parameters<typeof validConfig>[0], config = validConfig(kind)) {
  return makeDoc(
    [
      ['t', 'event'],
      ['s', kind, config],
    ],
    [['t', 's']],
  );
}

function unconnected(doc: JourneyDocument): Diagnostic[] {
  return validate(doc).filter((d) => d.code === 'unconnected-branch' && d.stepId === 's');
}

describe('unconnected-branch names the path in the reader’s language', () => {
  const forks = STEP_DEFINITION_LIST.filter(
    (def) => def.category !== 'trigger' && def.branches(validConfig(def.kind)).length > 1,
  );

  it.each(forks.map((def) => def.kind))(
    '%s: each of its own paths reads as the canvas words it, in French and English',
    (kind) => {
      const doc = loose(kind);
      const branches = branchesOf(doc.steps[1]!) ?? [];
      const diagnostics = unconnected(doc);
      expect(diagnostics).toHaveLength(branches.length);
      branches.forEach((branch, i) => {
        const d = diagnostics[i]!;
        expect(d.field).toBe(`branch:${branch.key}`);
        // A split's variant keeps the user's name; the kind's own words come from the catalogue.
        const own = branch.text.values?.name;
        const frenchWord = typeof own === 'string' ? own : formatStepPhrase(french, branch.text);
        const englishWord = typeof own === 'string' ? own : formatStepPhrase(english, branch.text);
        expect(diagnosticText(french, d)).toContain(`Le chemin « ${frenchWord} » de « s »`);
        expect(diagnosticText(english, d)).toContain(`The "${englishWord}" path of "s"`);
      });
    },
  );

  it('says Oui and Non for an if/else, not the English words', () => {
    const texts = unconnected(loose('if_else')).map((d) => diagnosticText(french, d));
    expect(texts).toEqual([
      'Le chemin « Oui » de « s » ne mène nulle part : qui le prend quitte le parcours.',
      'Le chemin « Non » de « s » ne mène nulle part : qui le prend quitte le parcours.',
    ]);
  });

  it('passes a user’s own path name through as typed, even one spelt like a built-in path', () => {
    const empty = { type: 'group', op: 'and', rules: [] };
    const config = {
      branches: [
        { key: 'yes', label: 'yes', condition: empty },
        { key: 'vip', label: 'Clients VIP', condition: empty },
        { key: 'p3', label: '  ', condition: empty },
      ],
    };
    const texts = unconnected(loose('multi_split', config)).map((d) => diagnosticText(french, d));
    expect(texts.map((t) => /^Le chemin « (.*) » de/.exec(t)?.[1])).toEqual([
      'yes',
      'Clients VIP',
      'Chemin 3',
      'Tous les autres',
    ]);
  });
});
