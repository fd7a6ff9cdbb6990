// @vitest-environment jsdom
import '../../setup/dom-setup';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JourneyDocument } from '../../../src/domain/journey/journey-schema.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { TEMPLATES } from '../../../src/domain/templates/templates.ts';
import { ForecastPage } from '../../../src/features/forecast/forecast-page.tsx';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { saveJourney } from '../../../src/storage/journey-documents.ts';
import { CodedError } from '../../../src/domain/failure/failure-reason.ts';
import { ProfileSetNotFoundError } from '../../../src/storage/profile-set-errors.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import * as RunForecastModule from '../../../src/workers/forecast/run-forecast.ts';

// The forecast as it is, unless a test has it meet its set deleted.
vi.mock('../../../src/workers/forecast/run-forecast.ts', async (original) => {
  const actual = await original<typeof RunForecastModule>();
  return { ...actual, runForecast: vi.fn(actual.runForecast) };
});

// The business KPIs' CLV panel fits in a worker: here the fit never ends, and the test looks elsewhere.
vi.mock('../../../src/workers/clv/fit-clv-in-worker.ts', () => ({
  fitClvInWorker: () => new Promise(() => undefined),
}));

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function welcomeSeries(): JourneyDocument {
  const found = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (found === undefined) throw new Error('no welcome-series template');
  return { ...found.build(NOW), id: 'welcome', name: 'Welcome series' };
}

let repo: ReturnType<typeof createProfileRepo>;
let spring: { id: string };

beforeEach(async () => {
  const db = openWayfinderDb(`forecast-page-${Math.random()}`);
  useDatabaseForTests(db);
  repo = createProfileRepo(db);
  await saveJourney(welcomeSeries());
  const customers = (count: number, seed: number) =>
    generateProfiles({ count, seed, start: NOW - 200 * DAY, end: NOW });
  spring = await repo.createProfileSet({ name: 'Spring customers', source: 'generated' });
  await repo.importIntoSet(spring.id, customers(300, 1), { mode: 'replace' });
  const autumn = await repo.createProfileSet({ name: 'Autumn customers', source: 'generated' });
  await repo.importIntoSet(autumn.id, customers(200, 2), { mode: 'replace' });
});

/** Starts a two-replication forecast of the Welcome series over Spring customers. */
async function startSpring() {
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <ForecastPage />
    </MemoryRouter>,
  );
  const setup = await screen.findByRole('form', { name: 'Forecast setup' });
  const set = within(setup).getByRole('combobox', { name: 'Profile set' });
  await user.selectOptions(set, 'Spring customers (300)');
  const replications = within(setup).getByRole('spinbutton', { name: /Replications/ });
  fireEvent.change(replications, { target: { value: '2' } });
  await user.click(within(setup).getByRole('button', { name: 'Run forecast' }));
  return { user, set };
}

/** Runs a two-replication forecast of the Welcome series over Spring customers. */
async function forecastSpring() {
  const started = await startSpring();
  await screen.findByText('2 of 2 replications done');
  return started;
}

describe('the forecast page’s results', () => {
  it('say which set they are of, once another set is chosen too', async () => {
    const { user, set } = await forecastSpring();
    await user.selectOptions(set, 'Autumn customers (200)');
    expect(
      await screen.findByText('Results over the profile set Spring customers (300 profiles).'),
    ).toBeVisible();
  });

  it('say so when their set has been deleted since, and offer no sensitivity on it', async () => {
    await forecastSpring();
    expect(await screen.findByRole('button', { name: 'Run sensitivity' })).toBeVisible();
    // Deleted elsewhere (another tab): the page's list of sets follows.
    await repo.deleteSet(spring.id);
    expect(
      await screen.findByText(
        'Results over the profile set Spring customers (300 profiles), deleted since: the sensitivity needs it.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Run sensitivity' })).toBeNull();
  });

  it('say the forecast stopped because its set was deleted, not a storage error naming its id', async () => {
    // The set deleted in another tab while the workers read it: the read fails.
    vi.mocked(RunForecastModule.runForecast).mockImplementationOnce(async () => {
      await repo.deleteSet(spring.id);
      throw new ProfileSetNotFoundError(spring.id);
    });
    await startSpring();
    expect(
      await screen.findByText('The forecast stopped: its profile set was deleted.'),
    ).toBeVisible();
    expect(screen.queryByText(new RegExp(spring.id))).toBeNull();
    // No replication done: no results to say the set of.
    expect(screen.queryByText(/^Results over/)).toBeNull();
  });
  it('say the set was deleted from the failure’s code, before the list of sets has followed', async () => {
    // The workers found the set gone; the page's list of sets has not heard of it yet.
    vi.mocked(RunForecastModule.runForecast).mockImplementationOnce(async () => {
      throw new ProfileSetNotFoundError(spring.id);
    });
    await startSpring();
    expect(
      await screen.findByText('The forecast stopped: its profile set was deleted.'),
    ).toBeVisible();
  });

  it('give another failure its own cause, even when the set was deleted meanwhile', async () => {
    vi.mocked(RunForecastModule.runForecast).mockImplementationOnce(async () => {
      await repo.deleteSet(spring.id);
      throw new CodedError({ code: 'workerStopped' }, 'a worker stopped');
    });
    await startSpring();
    expect(
      await screen.findByText(/^The forecast failed\. The background task stopped unexpectedly/),
    ).toBeVisible();
    expect(screen.queryByText('The forecast stopped: its profile set was deleted.')).toBeNull();
  });
});
