import { compile } from '../../src/domain/compile/compile.ts';
import type { PurchaseModelOptions } from '../../src/domain/profiles/generate/purchase-model.ts';
import { generateProfiles } from '../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../src/domain/simulate/simulate.ts';
import { TEMPLATES } from '../../src/domain/templates/templates.ts';
import { variantView, type VariantView } from '../../src/features/forecast/forecast-model.ts';
import { useDatabaseForTests } from '../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../src/storage/db.ts';
import { createProfileRepo } from '../../src/storage/profile-repo.ts';

export const CLV_NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
let n = 0;

/** What the CLV panel is shown with: a forecast's view of the Welcome series, and a stored set. */
export interface ClvPanelSet {
  view: VariantView;
  setId: string;
}

/**
 * The CLV panel's inputs over `count` generated customers buying as `purchases` says, eighteen
 * months up to {@link CLV_NOW}: the set stored in a fresh database the app then uses (deleted
 * again when `deleted`), and a one-replication forecast of the Welcome series over it.
 */
export async function clvPanelSet(
  purchases: PurchaseModelOptions,
  options: { count: number; variant: string; setName: string; deleted?: boolean },
): Promise<ClvPanelSet> {
  const profiles = generateProfiles({
    count: options.count,
    seed: 6,
    start: CLV_NOW - 546 * DAY,
    end: CLV_NOW,
    purchases,
  });
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  const spec = template && compile(template.build(CLV_NOW)).spec;
  if (!spec) throw new Error('no spec');
  const results = [simulate(spec, profiles, { start: CLV_NOW - 90 * DAY, horizonDays: 90 })];
  const view = variantView(options.variant, [{ index: 0, results, tallies: [null] }], 0);
  if (view === null) throw new Error('no view');
  const db = openWayfinderDb(`clv-panel-set-${n++}-${Math.random()}`);
  useDatabaseForTests(db);
  const repo = createProfileRepo(db);
  const set = await repo.createProfileSet({ name: options.setName, source: 'generated' });
  await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
  if (options.deleted === true) await repo.deleteSet(set.id);
  return { view, setId: set.id };
}
