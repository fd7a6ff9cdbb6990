// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIPBOARD_VERSION, parseClipboard } from '../../../src/editor/index.ts';
import { damagedClipboard } from '../../../src/editor/clipboard.ts';
import type { CommandRefused } from '../../../src/editor/command.ts';
import { REFUSAL_PARAMS, type Refusal } from '../../../src/editor/refusal.ts';
import { refusalMessageId, refusalText } from '../../../src/features/editor/refusal-text.ts';
import { messageSignature } from '../../support/catalogue-check.ts';
import { testIntl } from '../../support/test-intl.ts';
import { chain, harness } from '../editor/fixtures.ts';

const english = await testIntl('en');
const french = await testIntl('fr');
const root = path.resolve(import.meta.dirname, '../../..');
const catalogue = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(root, 'src/i18n/messages', `${locale}.json`), 'utf8'));
const englishMessages = catalogue('en');
const frenchMessages = catalogue('fr');
const codes = Object.keys(REFUSAL_PARAMS) as (keyof typeof REFUSAL_PARAMS)[];

function refused(result: { ok: boolean }): CommandRefused {
  if (result.ok) throw new Error('expected a refusal');
  return result as CommandRefused;
}

/** The refusal carries exactly its code's registered values. */
function expectRegisteredValues(refusal: Refusal): void {
  expect(Object.keys(refusal.values ?? {}).sort()).toEqual(
    [...REFUSAL_PARAMS[refusal.code]].sort(),
  );
}

describe('editor refusals in French and English', () => {
  it.each(codes)('%s has a message in both languages taking exactly its values', (code) => {
    const id = refusalMessageId({ code });
    const expected = Object.fromEntries(REFUSAL_PARAMS[code].map((name) => [name, 'argument']));
    for (const messages of [englishMessages, frenchMessages]) {
      expect(messages[id], id).toBeTypeOf('string');
      expect(messageSignature(messages[id] as string)).toEqual(expected);
    }
  });

  it('holds no refusal message that no code has', () => {
    const ids = new Set(codes.map((code) => refusalMessageId({ code })));
    expect(
      Object.keys(frenchMessages).filter((id) => id.startsWith('refusal.') && !ids.has(id)),
    ).toEqual([]);
  });

  it('words the commands’ real refusals in French, with their values', () => {
    const { store } = harness();
    const { trigger, email, delay } = chain(store);
    const cases: [CommandRefused, string][] = [
      [
        refused(store.dispatch('connect', { from: delay, branch: 'next', to: trigger })),
        'déclencheur',
      ],
      [refused(store.dispatch('connect', { from: email, branch: 'next', to: email })), 'elle-même'],
      [
        refused(store.dispatch('connect', { from: trigger, branch: 'next', to: delay })),
        'supprimez',
      ],
      [refused(store.dispatch('connect', { from: email, branch: 'nowhere', to: delay })), 'chemin'],
      [
        refused(store.dispatch('addStep', { kind: 'carrier-pigeon', position: { x: 0, y: 0 } })),
        '« carrier-pigeon »',
      ],
      [refused(store.dispatch('paste', { text: 'not json' })), 'presse-papiers'],
    ];
    store.dispatch('setSelection', { stepIds: [] });
    cases.push([refused(store.dispatch('copySelection')), 'copier']);
    for (const [refusal, frenchWords] of cases) {
      expectRegisteredValues(refusal);
      const text = refusalText(french, refusal);
      expect(text).toContain(frenchWords);
      expect(text).not.toBe(refusalText(english, refusal));
    }
  });

  it('words damaged copied steps with their place, and without one when there is none', () => {
    const atStep = parseClipboard(
      JSON.stringify({
        wayfinderClipboard: CLIPBOARD_VERSION,
        steps: [{ id: 's' }],
        connections: [],
      }),
    );
    if (!('error' in atStep)) throw new Error('expected a refusal');
    expectRegisteredValues(atStep);
    expect(refusalText(french, atStep)).toMatch(
      /^Les étapes copiées sont abîmées à l’emplacement steps\.0\.[a-z]+\.$/,
    );
    expect(refusalText(english, atStep)).toMatch(
      /^The copied steps are damaged at steps\.0\.[a-z]+\.$/,
    );
    for (const issue of [{ path: [], message: 'Invalid input' }, undefined]) {
      const topLevel = damagedClipboard(issue);
      expectRegisteredValues(topLevel);
      expect(refusalText(french, topLevel)).toBe('Les étapes copiées sont abîmées.');
      expect(refusalText(english, topLevel)).toBe('The copied steps are damaged.');
    }
  });

  it('words any clipboard text it cannot paste, with exactly its registered values', () => {
    const envelope = fc.record({
      wayfinderClipboard: fc.oneof(fc.constant(CLIPBOARD_VERSION), fc.integer(), fc.string()),
      steps: fc.array(
        fc.record({ id: fc.string(), kind: fc.string(), label: fc.string(), config: fc.object() }),
        { maxLength: 2 },
      ),
      connections: fc.constant([]),
    });
    const text = fc.oneof(
      fc.string(),
      envelope.map((e) => JSON.stringify(e)),
    );
    fc.assert(
      fc.property(text, (clipboard) => {
        const content = parseClipboard(clipboard);
        if (!('error' in content)) return;
        expectRegisteredValues(content);
        const text = refusalText(french, content);
        expect(text).not.toBe('');
        expect(text).not.toMatch(/\(\s*\)|emplacement \./);
      }),
      { seed: 19, numRuns: 300 },
    );
  });
});
