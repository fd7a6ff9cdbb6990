import type { Page } from '@playwright/test';
import { TEMPLATES } from '../../src/domain/templates/templates';
import type { JourneyDocument, JourneyStep } from '../../src/domain/journey/journey-schema';
import { test, expect } from './fixtures';
import { englishOnScreen } from './french-support';

// A French browser: the app starts in French with no choice made.
test.use({ locale: 'fr-FR' });

/** Fails with the English texts still on screen, if any. */
async function expectNoEnglish(page: Page, allowed: readonly string[] = [], within = 'body') {
  expect(await englishOnScreen(page, allowed, within)).toEqual([]);
}

/** French writes thousands with a narrow no-break space and decimals with a comma. */
const FRENCH_NUMBER = /\d{1,3}(\u202f\d{3})*(,\d+)?/;

test('starts in French in a French browser: the journey list, lang="fr", the switch', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Parcours' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Parcours' })).toContainText('Welcome series');
  await expectNoEnglish(page);
  await page.getByRole('button', { name: 'Nouveau parcours' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau parcours' });
  await expect(dialog).toContainText('Reconquête');
  await expectNoEnglish(page);
  await dialog.getByRole('button', { name: 'Annuler' }).click();

  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Journeys' })).toBeVisible();
});

test('imports a CSV in French: the mapping, the report and each rejected row', async ({ page }) => {
  const csv = [
    'customer_id,email,name,signup_date,plan',
    'u1,ann@example.com,Ann,2024-01-05,pro',
    'u2,not-an-email,Bob,2024-01-06,free',
    'u3,cy@example.com,Cy,2024-02-30,free',
    'u4,dee@example.com,Dee,2024-03-01,free',
  ].join('\n');
  await page.goto('/profiles');
  await expect(page.getByRole('heading', { level: 1, name: 'Profils' })).toBeVisible();
  await page.getByRole('button', { name: 'Importer un fichier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importer des profils' });
  await expectNoEnglish(page);
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByLabel('Fichier', { exact: true }).click();
  await (
    await chooser
  ).setFiles({
    name: 'clients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(dialog.getByRole('button', { name: 'Importer', exact: true })).toBeEnabled();
  // The file's own headers and cells are the user's; the rest is French.
  await expectNoEnglish(page, [csv]);
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
  const summary = dialog.getByRole('list', { name: 'Bilan de l’import' });
  await expect(summary).toContainText('2 profils importés sur 4 lignes');
  const rejected = dialog.getByRole('table', { name: 'Lignes rejetées' });
  await expect(rejected.getByRole('row', { name: /^3 E-mail invalide/ })).toBeVisible();
  await expect(rejected.getByRole('row', { name: /^4 Date invalide/ })).toBeVisible();
  await expectNoEnglish(page, [csv]);
});

test('forecasts A against B in French: KPIs with French numbers, the differences in French sentences, no English on the page', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Parcours' })).toContainText('Welcome series');
  await page
    .getByRole('navigation', { name: 'Principal' })
    .getByRole('link', { name: 'Prévision' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prévision' })).toBeVisible();
  const setup = page.getByRole('form', { name: 'Réglages de la prévision' });
  await setup.getByLabel('Parcours (A)').selectOption({ label: 'Welcome series' });
  await setup.getByLabel('Comparer avec (B)').selectOption({ label: 'Abandoned cart' });
  await setup.getByLabel('Réplications').fill('5');
  await setup.getByRole('button', { name: 'Lancer la prévision' }).click();
  await expect(page.getByText('5 sur 5 réplications effectuées')).toBeVisible({ timeout: 90_000 });
  const card = page.getByRole('group', { name: 'Taux de conversion' }).first();
  await expect(card).toContainText(/\d+(,\d)?\u00a0%/);
  const revenue = page.getByRole('group', { name: 'Chiffre d’affaires' }).first();
  await expect(revenue).toContainText(FRENCH_NUMBER);
  await expect(revenue).toContainText('€');
  // A against B: each difference one French sentence, the verdicts in French.
  const differences = page.getByRole('list', { name: 'Les différences en clair' });
  await expect(differences.getByRole('listitem').first()).toHaveText(
    /^B convertit \d+,\d+\u00a0points de (plus|moins) \(intervalle à 90\u00a0% de .+\) — une différence réelle\.$|^Taux de conversion\u00a0: aucune différence détectable/,
  );
  await expect(page.getByRole('table', { name: /^Chaque indicateur : A, B/ })).toContainText(
    /B plus (bas|élevé)|aucune différence/,
  );
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: 'docs/forecast-fr.png' });
    await page.setViewportSize({ width: 1400, height: 900 });
  }
  await expectNoEnglish(page);
});

test('builds, simulates and publishes a journey in French, with French figures', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Nouveau parcours' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau parcours' });
  await dialog.getByRole('radio', { name: /Série de bienvenue/ }).check();
  await dialog.getByRole('button', { name: 'Créer le parcours' }).click();
  await expect(page.getByRole('button', { name: 'Publier', exact: true })).toBeEnabled();
  await expect(page.getByText('Toutes les modifications sont enregistrées')).toBeVisible();

  await page.getByRole('button', { name: 'Simuler', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Simuler' });
  const run = panel.getByRole('button', { name: 'Lancer la simulation' });
  await expect(run).toBeEnabled({ timeout: 30_000 });
  await run.click();
  const entered = panel.getByRole('group', { name: 'Entrés' });
  await expect(entered).toContainText(FRENCH_NUMBER, { timeout: 60_000 });
  await expect(panel.getByRole('group', { name: 'Taux de conversion' })).toContainText(
    /\d+(,\d)?\u00a0%/,
  );
  if (process.env.UPDATE_SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: 'docs/editor-fr.png' });
    await page.setViewportSize({ width: 1400, height: 900 });
  }
  await expectNoEnglish(page);

  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  const publish = page.getByRole('dialog', { name: /^Publier/ });
  await expect(publish.getByRole('button', { name: 'Publier la version 1' })).toBeEnabled();
  await expectNoEnglish(page, [], '[role="dialog"]');
  await publish.getByRole('button', { name: 'Publier la version 1' }).click();
  await expect(publish.getByRole('status').filter({ hasText: 'publiée' })).toContainText(
    'Version 1 publiée. Empreinte de la spec',
  );
});

/**
 * The welcome series broken in four ways: no trigger (so nobody enters), an email without a
 * subject, a delay of minus two days and a marketing SMS without opt-out wording.
 */
function journeyWithProblems(): JourneyDocument {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (template === undefined) throw new Error('no welcome series template');
  const doc = template.build(Date.UTC(2026, 0, 15), () => 'fr-problems');
  const triggers = new Set(doc.steps.filter((s) => s.kind === 'event').map((s) => s.id));
  const first = (kind: string) => doc.steps.find((s) => s.kind === kind) as JourneyStep;
  first('email').config = { ...first('email').config, subject: '' };
  first('delay').config = { amount: -2, unit: 'days' };
  return {
    ...doc,
    name: 'Bienvenue à corriger',
    steps: doc.steps.filter((s) => !triggers.has(s.id)),
    connections: doc.connections.filter((c) => !triggers.has(c.from)),
  };
}

test('a journey with problems of several kinds shows them in French, as do import errors', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('table', { name: 'Parcours' })).toContainText('Welcome series');
  const input = page.getByLabel('Importer un fichier de parcours');

  await input.setInputFiles({
    name: 'cassé.journey.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "name": "x", }'),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('cassé.journey.json n’a pas été importé');
  await expect(alert).toContainText('JSON non valide ligne 1, colonne 16');
  await expectNoEnglish(page, ['cassé.journey.json'], '[role="alert"]');

  const doc = journeyWithProblems();
  await input.setInputFiles({
    name: 'bienvenue.journey.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(page.getByRole('status').filter({ hasText: 'importé' })).toContainText(
    '« Bienvenue à corriger » importé.',
  );
  await page.getByRole('link', { name: 'Bienvenue à corriger' }).click();
  const summary = page.getByRole('button', { name: /^\d+ erreurs?(, \d+ avertissements?)?$/ });
  await expect(summary).toBeVisible();
  await summary.click();
  const problems = page.getByRole('region', { name: 'Problèmes' });
  await expect(problems).toContainText('Ajoutez un déclencheur : le parcours n’a aucune entrée.');
  await expect(problems).toContainText('Écrivez un objet.');
  // Named as the step's form names the field, never by its path.
  await expect(problems).toContainText('Quantité : doit être supérieur à 0');
  await expect(problems).not.toContainText('amount');
  await expectNoEnglish(page, [], '.problems');
  // A node's badge says its worst problem in French too.
  const badge = page.locator('.step-node__badge').first();
  await expect(badge).toHaveAttribute('title', /^1 erreur : |^\d+ erreurs : /);
});

/** The editor's side panel, with the selected step's inspector or the problems list. */
const side = (page: Page) =>
  page.getByRole('complementary', { name: 'Réglages de l’étape et du parcours' });

/** Adds a step from the palette (after the selected one) and waits for its inspector. */
async function addFromPalette(page: Page, kind: string) {
  await page
    .getByRole('navigation', { name: 'Palette des étapes' })
    .getByRole('button', { name: kind, exact: true })
    .click();
  await expect(side(page).getByRole('heading', { level: 2, name: kind })).toBeVisible();
}

test('the whole editor in French: palette, canvas, inspectors, problems, menus, simulation, trace, publish', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Every scan is soft, so one run lists all the English left, screen by screen.
  // What the test types is the user's own text, in whatever language.
  const typed = [
    'Bienvenue',
    'signed_up',
    'country',
    'FR',
    'Bienvenue chez nous',
    'Merci de votre inscription. Désabonnement : {{ journey.unsubscribe_url }}',
    'Bienvenue ! STOP au 36180',
  ];
  const scan = async (where: string, within = 'body') =>
    expect.soft(await englishOnScreen(page, typed, within), where).toEqual([]);

  await page.goto('/');
  await page.getByRole('button', { name: 'Nouveau parcours' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau parcours' });
  await dialog.getByRole('radio', { name: /Parcours vierge/ }).check();
  await dialog.getByRole('textbox', { name: 'Nom' }).fill('Bienvenue');
  await dialog.getByRole('button', { name: 'Créer le parcours' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue' })).toBeVisible();
  await scan('a blank journey');

  // The insert menu a blank journey offers, then the palette's steps one after the other.
  await page.getByRole('button', { name: 'Ajouter un déclencheur' }).first().click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Événement' })).toBeVisible();
  await scan('the trigger menu');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await addFromPalette(page, 'Événement');
  await side(page).getByRole('combobox', { name: 'Événement' }).fill('signed_up');
  await scan('an event trigger and its inspector');

  await addFromPalette(page, 'Si / sinon');
  await side(page).getByRole('button', { name: 'Ajouter une règle sur un attribut' }).click();
  await side(page).getByRole('combobox', { name: 'Règle 1 : attribut' }).fill('country');
  await side(page).getByRole('textbox', { name: 'Règle 1 : valeur' }).fill('FR');
  await scan('an if / else and its condition builder');

  await addFromPalette(page, 'Attente');
  await expect(side(page).getByRole('combobox', { name: 'Unité' })).toHaveValue('days');
  await scan('a delay and its inspector');

  await addFromPalette(page, 'E-mail');
  await scan('an email before it has content');
  await side(page).getByRole('textbox', { name: 'Objet' }).fill('Bienvenue chez nous');
  await side(page)
    .getByRole('textbox', { name: 'Corps du message' })
    .fill('Merci de votre inscription. Désabonnement : {{ journey.unsubscribe_url }}');
  await scan('an email and its inspector');

  await addFromPalette(page, 'SMS');
  await side(page).getByRole('textbox', { name: 'Texte' }).fill('Bienvenue ! STOP au 36180');
  await scan('an SMS and its inspector');

  // The canvas: every node's kind, summary and branches are French.
  const canvas = page.getByRole('application', { name: 'Canevas du parcours' });
  await expect(canvas.getByRole('group', { name: /^Étape Si \/ sinon/ })).toContainText('Oui');
  await expect(canvas.getByRole('group', { name: /^Étape Attente/ })).toContainText(
    'Attendre 1 jour',
  );
  await scan('the canvas', '.react-flow');

  await side(page).getByRole('tab', { name: 'Problèmes' }).click();
  await scan('the problems list');

  // The shortcuts work while the canvas has focus.
  await canvas.getByRole('group', { name: /^Étape Attente/ }).focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(help).toContainText('Afficher tout le parcours');
  await scan('the keyboard help', '[role="dialog"]');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Simuler', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Simuler' });
  const run = panel.getByRole('button', { name: 'Lancer la simulation' });
  await expect(run).toBeEnabled({ timeout: 30_000 });
  await scan('the simulation form');
  await run.click();
  await expect(panel.getByRole('group', { name: 'Entrés' })).toContainText(FRENCH_NUMBER, {
    timeout: 60_000,
  });
  await scan('the simulation result');
  // The first traced profile (the quick picks depend on what the run happened to produce).
  await panel.getByRole('button', { name: 'Afficher la trace' }).click();
  await expect(panel.getByRole('region', { name: /^Trace / })).toBeVisible();
  await scan('a trace');

  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  const publish = page.getByRole('dialog', { name: /^Publier/ });
  await expect(publish.getByRole('button', { name: 'Publier la version 1' })).toBeVisible();
  await scan('the publish dialog', '[role="dialog"]');
});
