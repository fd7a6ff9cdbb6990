// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testIntl } from '../../support/test-intl.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (locale: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(root, 'src/i18n/messages', `${locale}.json`), 'utf8'));
const catalogues = { en: read('en'), fr: read('fr') };

/**
 * A message that starts by joining on to text the code put before it (" — cancelled",
 * ", column"): a translator cannot reorder or agree its words with that text.
 */
const FRAGMENT_START = /^[\s,;:·—–.”»)]/u;

/** Whole texts that only look like fragments: an option written between dashes. */
const WHOLE = new Set(['profiles.column-select.notInTheFile']);

/**
 * Fragments still left, in files others were changing at the time (the forecast page, the
 * simulation's results). This list may only shrink: the test fails on a new fragment and on an
 * id here that is no longer one.
 */
const KNOWN_FRAGMENTS = new Set([
  'forecast.forecast-page.first',
  'sim.result-kpis.heldOut',
  'sim.simulation-result.seed',
  'sim.trace-viewer.converted',
]);

describe('messages are whole sentences', () => {
  it('no message but the known leftovers starts by joining on to other text', () => {
    const fragments = new Set<string>();
    for (const catalogue of Object.values(catalogues)) {
      for (const [id, message] of Object.entries(catalogue)) {
        if (FRAGMENT_START.test(message) && !WHOLE.has(id)) fragments.add(id);
      }
    }
    expect([...fragments].filter((id) => !KNOWN_FRAGMENTS.has(id)).sort()).toEqual([]);
    expect([...KNOWN_FRAGMENTS].filter((id) => !fragments.has(id))).toEqual([]);
  });

  it('words template errors, failed imports, chart notes, conflicts, empty sets and forecast progress in one French sentence', async () => {
    const french = await testIntl('fr');
    const say = (id: string, values: Record<string, string | number>) =>
      french.formatMessage({ id }, values);
    expect(
      say('editor.message-preview.problem', {
        field: 'script',
        line: 1,
        column: 22,
        message: 'balise inconnue',
      }),
    ).toBe('script : ligne 1, colonne 22 : balise inconnue');
    expect(
      say('journeys.import.failed', { file: 'a.json', reasons: 'JSON illisible.', more: 0 }),
    ).toBe('a.json n’a pas été importé : JSON illisible.');
    expect(
      say('journeys.import.failed', { file: 'a.json', reasons: 'JSON illisible.', more: 1234 }),
    ).toBe('a.json n’a pas été importé : JSON illisible. (et 1\u202f234 de plus)');
    expect(say('ui.chart-table.partialCategory', { category: 'S12', note: '3 jours' })).toBe(
      'S12 (partielle : 3 jours)',
    );
    expect(
      say('editor.conflict-dialog.nameDiffers', { mine: 'Bienvenue', theirs: 'Accueil' }),
    ).toBe('Nom : le vôtre « Bienvenue », celui enregistré « Accueil ».');
    expect(say('editor.conflict-dialog.yourSummary', { name: 'Bienvenue', steps: 1 })).toBe(
      '« Bienvenue », 1 étape',
    );
    expect(
      say('editor.conflict-dialog.savedSummary', {
        name: 'Accueil',
        steps: 3,
        when: '6 déc. 2026',
      }),
    ).toBe('« Accueil », 3 étapes, enregistrée le 6 déc. 2026');
    expect(say('editor.simulation-panel.setHasNoProfiles', { set: 'Vide' })).toBe(
      'L’ensemble « Vide » n’a aucun profil.',
    );
    expect(say('ui.series-chart.noRangeToDraw', { band: 'P10–P90' })).toMatch(
      /^P10–P90 : pas d’intervalle à tracer/,
    );
    expect(say('ui.series-chart.narrowerThanTheLine', { band: 'P10–P90' })).toMatch(
      /^P10–P90 : plus étroit que la ligne/,
    );
    expect(
      say('forecast.forecast-page.progress', { done: 3, total: 20, ending: 'cancelled' }),
    ).toBe('3 sur 20 réplications effectuées — annulée');
    expect(say('forecast.forecast-page.progress', { done: 20, total: 20, ending: 'none' })).toBe(
      '20 sur 20 réplications effectuées',
    );
  });
});
