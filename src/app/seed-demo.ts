import { TEMPLATES } from '../domain/index.ts';
import { generateProfileBatches } from '../domain/profiles/generate/generate-profiles.ts';
import { getAppDb } from '../storage/app-storage.ts';
import { countJourneys, saveJourney } from '../storage/journey-documents.ts';
import { whileImporting } from '../storage/import-lock.ts';
import { createProfileRepo } from '../storage/profile-repo.ts';

const SEEDED_KEY = 'wayfinder.demoSeeded';
const DEMO_JOURNEYS = ['welcome-series', 'abandoned-cart', 'post-purchase-nps'];
const DEMO_PROFILES = 5_000;
const DAY = 86_400_000;

/**
 * Removes what a reload or a closed tab cut short: profile sets whose first import never
 * committed and chunks no set refers to, once no tab is importing (which may be much later).
 */
export async function cleanUpInterruptedImports(): Promise<void> {
  await createProfileRepo(getAppDb()).cleanUpInterruptedImports();
}

/**
 * On the very first start in a browser, stores demo journeys and a synthetic profile set so a
 * newcomer lands on something to explore. Runs once: deleting the demo content keeps it deleted.
 */
export async function seedDemoContent(now = Date.now()): Promise<void> {
  if (localStorage.getItem(SEEDED_KEY) !== null) return;
  const db = getAppDb();
  if ((await countJourneys()) === 0) {
    for (const id of DEMO_JOURNEYS) {
      const template = TEMPLATES.find((t) => t.id === id);
      if (template) await saveJourney(template.build(now));
    }
  }
  const profiles = createProfileRepo(db);
  // Under the import lock like any import: the clean-up of interrupted imports, which may run
  // at any time now, would otherwise take this set, still marked incomplete, for a leftover.
  await whileImporting(async () => {
    if ((await profiles.listProfileSets()).length > 0) return;
    const set = await profiles.createProfileSet({
      name: 'Demo customers',
      source: 'generated',
      incomplete: true,
    });
    const end = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
    const batches = generateProfileBatches({
      count: DEMO_PROFILES,
      seed: 2026,
      start: end - 365 * DAY,
      end,
    });
    await profiles.importIntoSet(set.id, batches, { mode: 'replace' });
  });
  localStorage.setItem(SEEDED_KEY, new Date(now).toISOString());
}
