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

/** A message that stops where the code goes on with its own text ("Swing (", "Business KPIs —"). */
const FRAGMENT_END = /[(«“—–,]\s*$/u;

/** Whole texts that only look like fragments: an option written between dashes. */
const WHOLE = new Set(['profiles.column-select.notInTheFile']);

/**
 * A label ending in a colon, alone or before one value the code supplies ("The fit failed:",
 * "…: {message}"): the code puts whatever it likes after it, most often an error's own English.
 * A failure is worded as a whole sentence from its code instead ("The fit failed. {cause}").
 */
const COLON_LABEL = /:\s*(?:<\/\w+>)?\s*(?:<\w+>)?(?:\{\w+\})?(?:<\/\w+>)?[.…]?\s*$/u;

/**
 * The colon labels that are truly "label: the user's data" or "label: text worded from the
 * catalogue", never an error's own text, and why.
 */
const LABELS: Record<string, string> = {
  'editor.canvas-toolbar.whatItDoes': 'a command’s name: its description, both from the catalogue',
  'editor.canvas.stepName': 'a step kind: the step’s own name (user data)',
  'editor.conflict-dialog.cannotBeRead': 'load problems, each worded from its code (restore.*)',
  'editor.flow.nodeMoved': 'a position: numbers',
  'editor.sms-preview.ucs2BecauseOf': 'the characters of the user’s own text',
  'editor.step-inspector.settings': 'the step’s own name (user data)',
  'editor.step-node.problem': 'a count of problems: the first, worded from its code (diagnostic.*)',
  'forecast.forecast-page.sectionOf': 'the journey’s name (user data)',
  'forecast.sensitivity-panel.whatMoves': 'a KPI’s name, from the catalogue',
  'kpi.channelCost': 'a channel’s name, from the catalogue',
  'lifecycle.lifecycle-page.notSimulatedFixThemIn': 'journey names (user data)',
  'lifecycle.lifecycle-page.simulatingJourney': 'the journey’s name (user data)',
  'profiles.import-report.nothingWasImportedLine': 'a row’s rejection, worded from its code',
  'publish.backend-problems.onStep': 'a step’s name (user data): its problem, worded from its code',
  'publish.change-summary.changesSince': 'the heading of the list of changes below it',
  'publish.export-menu.specInvalid': 'the spec’s problem, a diagnostic worded from its code',
  'publish.publish-dialog.newSpecHash': 'a hash',
  'publish.publish-outcome.publishedWithHash': 'a hash',
  'step.random_split.summary': 'the branches’ shares: numbers',
  'step.scheduled_audience.summary': 'the audience’s name (user data)',
  'step.scheduled_audience.summary.unscheduled': 'the audience’s name (user data)',
  'step.segment_entry.summary': 'the entry condition, worded from the catalogue (cond.*)',
  'trace.wentPath': 'the branch’s condition, worded from the catalogue (cond.*)',
  'ui.condition-builder.matches': 'the condition, worded from the catalogue (cond.*)',
  'ui.series-plot.partialNote': 'how much of the period there is, worded by the chart’s caller',
};

describe('messages are whole sentences', () => {
  it('no message starts or ends by joining on to other text', () => {
    const fragments = new Set<string>();
    for (const catalogue of Object.values(catalogues)) {
      for (const [id, message] of Object.entries(catalogue)) {
        const joins = FRAGMENT_START.test(message) || FRAGMENT_END.test(message);
        if (joins && !WHOLE.has(id)) fragments.add(id);
      }
    }
    expect([...fragments].sort()).toEqual([]);
  });

  it('no message is a colon label but those that put the user’s data or catalogue words after it', () => {
    const labels = new Set<string>();
    for (const catalogue of Object.values(catalogues)) {
      for (const [id, message] of Object.entries(catalogue)) {
        if (COLON_LABEL.test(message) && !Object.hasOwn(LABELS, id)) labels.add(id);
      }
    }
    expect([...labels].sort()).toEqual([]);
    // An id listed here that no longer is a colon label is taken off the list.
    const stale = Object.keys(LABELS).filter(
      (id) => !Object.values(catalogues).some((c) => COLON_LABEL.test(c[id] ?? '')),
    );
    expect(stale).toEqual([]);
  });

  it('finds the colon labels it is meant to find', () => {
    for (const label of ['The fit failed:', 'Could not count: {message}', 'Saved: {when}.'])
      expect(label).toMatch(COLON_LABEL);
    for (const whole of ['The fit failed. {cause}', 'Ratio: 2 to 1', 'At {time}: done.'])
      expect(whole).not.toMatch(COLON_LABEL);
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
    ).toBe('script, ligne 1, colonne 22 (message de Liquid\u00a0: «\u00a0balise inconnue\u00a0»)');
    expect(say('forecast.forecast-page.needsAJourneyAndASet', { missing: 'set' })).toBe(
      'Une prévision demande un parcours et un ensemble de profils. Créez d’abord un ensemble de profils.',
    );
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
  it('words the simulation’s result line, held-out count, trace entry and business KPIs heading in one French message each', async () => {
    const french = await testIntl('fr');
    const say = (id: string, values: Record<string, string | number>) =>
      french.formatMessage({ id }, values);
    const NBSP = '\u00a0';
    expect(
      say('sim.simulation-result.meta', {
        when: '6 déc. 2026, 10:00',
        set: 'Démo',
        profiles: 1000,
        from: '1 déc. 2026',
        to: '31 déc. 2026',
        seed: '42',
      }),
    ).toBe(
      `Simulation 6 déc. 2026, 10:00 · Démo (1${'\u202f'}000 profils) · du 1 déc. 2026 au 31 déc. 2026 · graine 42`,
    );
    const ofProfiles = { entered: '80', profiles: '100' };
    expect(say('sim.result-kpis.ofProfiles', { ...ofProfiles, heldOut: 0, held: '0' })).toBe(
      '80 profils sur 100',
    );
    expect(say('sim.result-kpis.ofProfiles', { ...ofProfiles, heldOut: 1, held: '1' })).toBe(
      '80 profils sur 100 · 1 tenu à l’écart',
    );
    expect(say('sim.result-kpis.ofProfiles', { ...ofProfiles, heldOut: 12, held: '12' })).toBe(
      '80 profils sur 100 · 12 tenus à l’écart',
    );
    const entry = { n: 1, at: '1 déc. 10:00', end: 'a quitté le parcours' };
    expect(
      say('sim.trace-viewer.entry', {
        ...entry,
        converted: 'yes',
        convertedAt: '2 déc. 09:00',
        amount: `25,00${NBSP}€`,
      }),
    ).toBe(
      `Entrée 1 le 1 déc. 10:00${NBSP}: a quitté le parcours · converti le 2 déc. 09:00 (25,00${NBSP}€)`,
    );
    expect(
      say('sim.trace-viewer.entry', { ...entry, converted: 'no', convertedAt: '', amount: 'none' }),
    ).toBe(`Entrée 1 le 1 déc. 10:00${NBSP}: a quitté le parcours`);
    expect(say('sim.trace-viewer.noTracedProfileMatches', { query: 'p-9' })).toBe(
      `Aucun profil tracé ne correspond à «${NBSP}p-9${NBSP}».`,
    );
    expect(say('forecast.business-kpis.businessKpisOf', { name: 'Relance' })).toBe(
      'Indicateurs métier — Relance',
    );
  });

  it('words the sensitivity factors and units, the CLV parameters, set options and value types in French', async () => {
    const french = await testIntl('fr');
    const say = (id: string, values: Record<string, string | number> = {}) =>
      french.formatMessage({ id }, values);
    expect(say('forecast.sensitivity-panel.factor', { factor: 0.5 })).toBe('×0,5');
    expect(say('forecast.kpi-format.changeUnit', { unit: 'share', currency: 'EUR' })).toBe(
      'points de pourcentage',
    );
    expect(say('forecast.kpi-format.changeUnit', { unit: 'money', currency: 'EUR' })).toBe('euros');
    expect(say('forecast.clv-parameters.parameterMeaning', { parameter: 'alpha' })).toBe(
      'échelle du rythme d’achat (semaines)',
    );
    expect(say('forecast.setOption', { set: 'CDNOW_sample', count: 2357 })).toBe(
      'CDNOW_sample (2\u202f357)',
    );
    expect(say('cond.valueType.boolean')).toBe('Oui / non');
    const failure = { day: '30 sept. 1997', message: 'the set is gone' };
    expect(
      say('forecast.clv-thermometer.noValueEstimate', { ...failure, reason: 'noRepeatBuyers' }),
    ).toBe(
      'Pas d’estimation de valeur\u00a0: aucun client n’a racheté jusqu’au 30 sept. 1997, donc aucun des deux modèles n’a de quoi apprendre.',
    );
    expect(
      say('forecast.customer-value-page.theModelsCouldNotBe', {
        ...failure,
        calibrationEnd: 'some',
        reason: 'noneByCalibrationEnd',
      }),
    ).toBe(
      'Les modèles n’ont pas pu être ajustés jusqu’au 30 sept. 1997\u00a0: aucun achat jusqu’à la fin de la calibration.',
    );
  });

  it('words the forecast’s and the canvas’s sentences whole in French: plurals, percentages, agreement', async () => {
    const french = await testIntl('fr');
    const say = (
      id: string,
      values: Record<string, string | number | ((chunks: string[]) => string)>,
    ) => french.formatMessage({ id }, values);
    const plain = (chunks: string[]) => chunks.join('');
    const NBSP = '\u00a0';
    const NARROW_NBSP = '\u202f';
    expect(say('forecast.attribution-notice.addControlGroup', { share: 0.1 })).toBe(
      `Ajouter un groupe témoin de 10${NBSP}%`,
    );
    expect(say('forecast.branch-view.againstTheFirstBranchRange', { level: 0.9 })).toBe(
      `Par rapport à la première branche (intervalle à 90${NBSP}%)`,
    );
    expect(say('forecast.clv-thermometer.customerValueNextWeeks', { weeks: 1 })).toBe(
      'Valeur client sur la prochaine semaine',
    );
    expect(say('forecast.clv-thermometer.customerValueNextWeeks', { weeks: 52 })).toBe(
      'Valeur client sur les 52 prochaines semaines',
    );
    // French counts 1.5 in the singular, English in the plural.
    const bold = (chunks: string[]) => `*${chunks.join('')}*`;
    expect(
      say('forecast.clv-thermometer.expectedPurchasesAndValue', {
        value: '45,00 €',
        purchases: 1.5,
        spend: '30,00 €',
        alive: `80${NBSP}%`,
        strong: bold,
      }),
    ).toBe(
      `Valeur attendue${NBSP}: *45,00 €* (1,5 achat × 30,00 €)${NARROW_NBSP}; toujours client avec une probabilité de 80${NBSP}%.`,
    );
    const english = await testIntl('en');
    expect(
      english.formatMessage(
        { id: 'forecast.clv-thermometer.expectedPurchasesAndValue' },
        { value: '$45.00', purchases: 1.5, spend: '$30.00', alive: '80%', strong: bold },
      ),
    ).toBe('*$45.00* expected: 1.5 purchases × $30.00; still a customer with probability 80%.');
    expect(
      say('forecast.clv-thermometer.againstTheSet', {
        median: '5,00 €',
        top: '60,00 €',
        fittedUpTo: '30 juin 1998',
        warnings: 'yes',
      }),
    ).toBe(
      `Client médian de l’ensemble${NBSP}: 5,00 €${NARROW_NBSP}; les 10${NBSP}% les plus élevés à partir de 60,00 €. ` +
        `Modèles ajustés sur les achats jusqu’au 30 juin 1998 — avec des avertissements${NBSP}: voir la page Valeur client.`,
    );
    const fit = {
      customers: 1,
      repeatBuyers: 1,
      calibrationEnd: '30 sept. 1997',
      lastPurchase: '30 juin 1998',
      strong: plain,
    };
    expect(say('forecast.customer-value-page.fittedUpTo', { ...fit, holdout: 'kept' })).toBe(
      'Modèles ajustés par maximum de vraisemblance sur les achats de 1 client (1 a racheté) ' +
        `jusqu’au 30 sept. 1997${NARROW_NBSP}; le 30 juin 1998 est le dernier jour d’achat.`,
    );
    expect(
      say('forecast.customer-value-page.fittedUpTo', {
        ...fit,
        customers: 2357,
        repeatBuyers: 946,
        holdout: 'none',
      }),
    ).toBe(
      `Modèles ajustés par maximum de vraisemblance sur les achats de 2${NARROW_NBSP}357 clients (946 ont racheté) ` +
        `jusqu’au 30 sept. 1997, le dernier jour d’achat${NBSP}: rien n’est mis de côté pour vérifier l’ajustement.`,
    );
    expect(
      say('forecast.holdout-charts.heldOutCheck', {
        weeks: 1,
        from: '23 déc. 1997',
        to: '30 déc. 1997',
        customers: 1,
        actual: '2',
        predicted: '3',
        hasGap: 'yes',
        gap: 0.5,
        strong: plain,
      }),
    ).toBe(
      'Pendant la 1 semaine mise de côté (du 23 déc. 1997 au 30 déc. 1997), le 1 client a fait 2 réachats' +
        `${NARROW_NBSP}; le modèle en attendait 3 (+50${NBSP}% par rapport au réel).`,
    );
    // A number and its word are never parted when the pill wraps (step-node.css).
    expect(
      say('live.step.actualAndSimulated', {
        actual: 200,
        simulated: 3980,
        muted: plain,
      }),
    ).toBe(`200${NBSP}réels · 3${NARROW_NBSP}980${NBSP}simulés`);
    expect(
      say('profiles.profile-page.idAndEventCount', {
        id: 'p-1',
        count: 1,
        code: plain,
      }),
    ).toBe('p-1 · 1 événement');
    expect(say('editor.message-preview.profileFromSet', { set: 'Démo' })).toBe(
      `Profil de l’ensemble «${NBSP}Démo${NBSP}»`,
    );
    expect(
      say('publish.backend-settings-dialog.aRequestWithNoAnswerStops', { seconds: 1500 }),
    ).toBe(
      `Une requête sans réponse au bout de ce délai s’arrête avec un message. Par défaut${NBSP}: 1${NARROW_NBSP}500${NBSP}s.`,
    );
  });
});
