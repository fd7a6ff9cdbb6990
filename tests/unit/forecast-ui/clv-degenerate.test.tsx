// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/domain/compile/compile.ts';
import type { PurchaseModelOptions } from '../../../src/domain/profiles/generate/purchase-model.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { TEMPLATES } from '../../../src/domain/templates/templates.ts';
import { ClvPanel } from '../../../src/features/forecast/clv-panel.tsx';
import { variantView } from '../../../src/features/forecast/forecast-model.ts';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
let n = 0;

async function panelFor(purchases: PurchaseModelOptions) {
  const profiles = generateProfiles({
    count: 1_500,
    seed: 6,
    start: NOW - 546 * DAY,
    end: NOW,
    purchases,
  });
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  const spec = template && compile(template.build(NOW)).spec;
  if (!spec) throw new Error('no spec');
  const results = [simulate(spec, profiles, { start: NOW - 90 * DAY, horizonDays: 90 })];
  const view = variantView('Welcome', [{ index: 0, results, tallies: [null] }], 0);
  if (view === null) throw new Error('no view');
  const db = openWayfinderDb(`clv-degenerate-${n++}`);
  useDatabaseForTests(db);
  const repo = createProfileRepo(db);
  const set = await repo.createProfileSet({ name: 'Customers', source: 'generated' });
  await repo.importIntoSet(set.id, profiles, { mode: 'replace' });
  render(<ClvPanel view={view} setId={set.id} />);
}

describe('ClvPanel', () => {
  it('warns when the BG/NBD fit is degenerate (nobody ever drops out)', async () => {
    await panelFor({ buyerShare: 1, bgnbd: { r: 0.5, alpha: 2, a: 1e-9, b: 50 } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^The purchase model’s fit is degenerate: it says nobody ever stops buying \(a = [\d.]+E-\d+\), as the histories show no dropout\. The lifetime values below are not reliable\.$/,
    );
  });

  it('shows the fit without a warning for CDNOW-like purchase histories', async () => {
    await panelFor({});
    expect(await screen.findByText(/Fitted by maximum likelihood/)).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
