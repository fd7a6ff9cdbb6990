// @vitest-environment jsdom
import '../../setup/dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { TEMPLATES } from '../../../src/domain/templates/templates.ts';
import { ForecastPage } from '../../../src/features/forecast/forecast-page.tsx';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { saveJourney } from '../../../src/storage/journey-documents.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { inProcessWorker } from '../../../src/workers/shared/in-process-worker.ts';
import * as Diagnose from '../../../src/workers/simulation/diagnose-stored-run.ts';
import { CANCEL } from '../../../src/workers/simulation/run-simulation.ts';
import { hostSimulation } from '../../../src/workers/simulation/simulation-host.ts';

// jsdom has no Web Workers: the simulation workers' code runs in-process.
vi.mock('../../../src/workers/simulation/diagnose-stored-run.ts', async (original) => {
  const actual = await original<typeof Diagnose>();
  return {
    ...actual,
    diagnoseStoredRun: (request: Diagnose.DiagnoseStoredRunRequest) =>
      actual.diagnoseStoredRun({
        ...request,
        createWorker: () => inProcessWorker((scope) => hostSimulation(scope), CANCEL),
      }),
  };
});
vi.mock('../../../src/workers/clv/fit-clv-in-worker.ts', () => ({
  fitClvInWorker: () => new Promise(() => undefined),
}));

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** Visitors who never signed up: the Welcome series (on `signed_up`) starts nobody. */
const VISITORS: Profile[] = Array.from({ length: 30 }, (_, i) => ({
  id: `v${i}`,
  attributes: { email: `v${i}@example.test`, consent: { email: true }, tags: [], custom: {} },
  events: [{ name: 'page_viewed', at: T0 + (i % 20) * DAY, props: {} }],
}));

describe('a forecast where nobody entered', () => {
  it('says so, and why, in the variant’s section', async () => {
    const db = openWayfinderDb(`forecast-no-entry-${Math.random()}`);
    useDatabaseForTests(db);
    const template = TEMPLATES.find((t) => t.id === 'welcome-series');
    if (template === undefined) throw new Error('no welcome-series template');
    await saveJourney({ ...template.build(T0), id: 'welcome', name: 'Welcome series' });
    const repo = createProfileRepo(db);
    const set = await repo.createProfileSet({ name: 'Visitors', source: 'manual' });
    await repo.importIntoSet(set.id, VISITORS, { mode: 'replace' });

    const user = userEvent.setup();
    render(
      <MemoryRouter>
        <ForecastPage />
      </MemoryRouter>,
    );
    const setup = await screen.findByRole('form', { name: 'Forecast setup' });
    await user.selectOptions(
      within(setup).getByRole('combobox', { name: 'Profile set' }),
      'Visitors (30)',
    );
    fireEvent.change(within(setup).getByRole('spinbutton', { name: /Replications/ }), {
      target: { value: '2' },
    });
    await user.click(within(setup).getByRole('button', { name: 'Run forecast' }));
    const section = await screen.findByRole('region', { name: 'Forecast: Welcome series' });
    const notice = await within(section).findByRole(
      'region',
      { name: 'Nobody entered this journey' },
      { timeout: 10_000 },
    );
    expect(within(notice).getByRole('listitem')).toHaveTextContent(
      'The trigger “Signed up” waits for the event signed_up, which no profile of the set has.',
    );
    await db.delete();
  });
});
