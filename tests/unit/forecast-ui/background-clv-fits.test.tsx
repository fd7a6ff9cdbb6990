// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { ProfileRoute } from '../../../src/app/profile-route.tsx';
import {
  aheadOfBackgroundFits,
  fitStoredSetOnce,
  startBackgroundClvFits,
} from '../../../src/features/forecast/clv/clv-fits.ts';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { createClvFitCache } from '../../../src/storage/clv-fit-cache.ts';
import { clvReportInWorker } from '../../../src/workers/clv/clv-report-in-worker.ts';
import { fitStoredSet } from '../../../src/workers/clv/fit-stored-set.ts';
import { testServices, withServices } from '../profiles-ui/services.tsx';

// The fit runs in-process under jsdom; the test holds it to see the page while it runs.
vi.mock('../../../src/workers/clv/clv-report-in-worker.ts', () => ({
  clvReportInWorker: vi.fn(),
}));
const fitInWorker = vi.mocked(clvReportInWorker);

const customers = (count: number, seed: number) =>
  generateProfiles({ count, seed, start: Date.UTC(2024, 0, 1), end: Date.UTC(2025, 6, 1) });

/** vi.waitFor gives up after 1 s by default: too short for a fit on a loaded CI machine. */
const SETTLED = { timeout: 15_000 };

let stopFits: (() => void) | undefined;
afterEach(() => {
  stopFits?.();
  stopFits = undefined;
  fitInWorker.mockReset();
});

/** A stored set of generated customers in a fresh database the app uses. */
async function storedSet(count = 400) {
  const services = testServices();
  useDatabaseForTests(services.db);
  const set = await services.repo.createProfileSet({ name: 'Customers', source: 'generated' });
  const stored = await services.repo.importIntoSet(set.id, customers(count, 7), {
    mode: 'replace',
  });
  return { services, set: stored, cache: createClvFitCache(services.db) };
}

describe('background CLV fits', () => {
  it('fits a set as soon as it is stored, again when it changes, and forgets it once deleted', async () => {
    const { services, set, cache } = await storedSet();
    fitInWorker.mockImplementation((db, request) =>
      fitStoredSet(db, request.setId, request.calibration),
    );
    stopFits = startBackgroundClvFits();
    await vi.waitFor(
      async () => expect(await cache.has(set.id, String(set.updatedAt), 'all')).toBe(true),
      SETTLED,
    );
    const first = await cache.get(set.id, String(set.updatedAt), 'all');
    expect(first?.ok).toBe(true);

    const changed = await services.repo.importIntoSet(
      set.id,
      customers(100, 8).map((p) => ({ ...p, id: `more-${p.id}` })),
      { mode: 'append' },
    );
    expect(changed.updatedAt).not.toBe(set.updatedAt);
    await vi.waitFor(
      async () => expect(await cache.has(set.id, String(changed.updatedAt), 'all')).toBe(true),
      SETTLED,
    );
    // The old version's fit can never be read again: the set changed.
    expect(await cache.has(set.id, String(set.updatedAt), 'all')).toBe(false);
    const second = await cache.get(set.id, String(changed.updatedAt), 'all');
    // Fitted on the changed set: the added customers are in it.
    expect(second?.ok === true && first?.ok === true && second.customers > first.customers).toBe(
      true,
    );

    await services.repo.deleteSet(set.id);
    await vi.waitFor(async () => expect(await services.db.clvFits.count()).toBe(0), SETTLED);
    expect(fitInWorker).toHaveBeenCalledTimes(2);
  });

  it('shows the profile at once and fills the thermometer in when the background fit ends, without fitting twice', async () => {
    const { services, set } = await storedSet();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    fitInWorker.mockImplementation(async (db, request) => {
      await held;
      return fitStoredSet(db, request.setId, request.calibration);
    });
    stopFits = startBackgroundClvFits();
    await vi.waitFor(() => expect(fitInWorker).toHaveBeenCalledTimes(1), SETTLED);

    const profile = (await services.repo.readProfileSet(set.id)).find((p) =>
      p.events.some((event) => event.name === 'order_placed'),
    );
    if (profile === undefined) throw new Error('the set has no customer with a purchase');
    render(
      withServices(
        services,
        [{ path: '/profiles/:setId/:profileId', element: <ProfileRoute /> }],
        `/profiles/${set.id}/${profile.id}`,
      ),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: profile.attributes.name ?? profile.id }),
    ).toBeVisible();
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Fitting the customer-value models',
    );
    expect(screen.queryByRole('meter')).toBeNull();

    release();
    expect(await screen.findByText(/Median customer of the set/)).toBeVisible();
    expect(screen.queryByRole('status')).toBeNull();
    // The page joined the fit the background had started.
    expect(fitInWorker).toHaveBeenCalledTimes(1);
  });

  it('stops a background fit for a forecast, and fits the set again once the forecast is done', async () => {
    const { set, cache } = await storedSet();
    const signals: (AbortSignal | undefined)[] = [];
    let forecastDone = false;
    /** Per fit started: whether the forecast was done by then. */
    const startedAfterForecast: boolean[] = [];
    // The first fit runs until it is stopped, as a worker would; the next one fits.
    fitInWorker.mockImplementation((db, request, signal) => {
      signals.push(signal);
      startedAfterForecast.push(forecastDone);
      if (signals.length > 1) return fitStoredSet(db, request.setId, request.calibration);
      return new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () =>
          reject(new DOMException('The CLV fit was cancelled', 'AbortError')),
        ),
      );
    });
    stopFits = startBackgroundClvFits();
    await vi.waitFor(() => expect(fitInWorker).toHaveBeenCalledTimes(1), SETTLED);

    let endForecast: () => void = () => undefined;
    const forecast = aheadOfBackgroundFits(new Promise<void>((r) => (endForecast = r)));
    expect(signals[0]?.aborted).toBe(true);
    // The forecast runs longer than the background's second of settling.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    forecastDone = true;
    endForecast();
    await forecast;
    await vi.waitFor(
      async () => expect(await cache.has(set.id, String(set.updatedAt), 'all')).toBe(true),
      SETTLED,
    );
    expect(startedAfterForecast).toEqual([false, true]);
  });

  it('leaves alone a fit a page waits for', async () => {
    const { set } = await storedSet();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const signals: (AbortSignal | undefined)[] = [];
    fitInWorker.mockImplementation(async (db, request, signal) => {
      signals.push(signal);
      await held;
      return fitStoredSet(db, request.setId, request.calibration);
    });
    const page = fitStoredSetOnce(set.id, String(set.updatedAt), 'all');
    await aheadOfBackgroundFits(Promise.resolve());
    expect(signals[0]?.aborted).toBe(false);
    release();
    expect((await page).report.ok).toBe(true);
  });
});
