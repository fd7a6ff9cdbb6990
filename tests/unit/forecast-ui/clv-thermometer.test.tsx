// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClvReport } from '../../../src/domain/forecast/clv-fit-report.ts';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { ClvThermometer } from '../../../src/features/forecast/clv/clv-thermometer.tsx';
import { useDatabaseForTests } from '../../../src/storage/app-storage.ts';
import { createClvFitCache } from '../../../src/storage/clv-fit-cache.ts';
import { openWayfinderDb } from '../../../src/storage/db.ts';

const report: ClvReport = {
  ok: true,
  calibrationEnd: '1998-06-30',
  lastPurchase: '1998-06-30',
  bgnbd: {
    params: { r: 0.2426, alpha: 4.414, a: 0.7929, b: 2.426 },
    logLikelihood: -9582.43,
    customers: 2357,
    evaluations: 1,
    converged: true,
    degenerate: null,
  },
  gammaGamma: {
    params: { p: 6.25, q: 3.74, gamma: 15.44 },
    logLikelihood: -4000,
    customers: 946,
    evaluations: 1,
    converged: true,
    degenerate: null,
  },
  customers: 2357,
  repeatBuyers: 946,
  warnings: [],
  holdout: null,
  valueQuantiles: { p50: 5, p90: 60, max: 900 },
};

const profile = {
  id: 'p1',
  attributes: { consent: {}, tags: [], custom: {} },
  events: ['1998-01-05', '1998-03-02', '1998-06-01'].map((d) => ({
    name: 'order_placed',
    at: Date.parse(`${d}T10:00:00Z`),
    props: { amount: 40 },
  })),
} as unknown as Profile;

describe('ClvThermometer', () => {
  it('reads the fit saved for the set version instead of fitting again', async () => {
    const db = openWayfinderDb(`thermometer-${Math.random()}`);
    useDatabaseForTests(db);
    // The set has no stored profiles: only the saved fit can give a value.
    await createClvFitCache(db).put('set-1', '42', 'all', report, 1);
    render(<ClvThermometer setId="set-1" setVersion="42" profile={profile} />);
    const meter = await screen.findByRole('meter', { name: 'Expected value' });
    expect(meter).toHaveAttribute('aria-valuetext', expect.stringMatching(/^\$\d/));
    expect(
      screen.getByText(/Median customer of the set \$5\.00, top 10% from \$60\.00/),
    ).toBeVisible();
    expect(screen.getByText(/Models fitted on the purchases up to Jun 30, 1998\./)).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns of a degenerate fit read from the cache', async () => {
    const db = openWayfinderDb(`thermometer-${Math.random()}`);
    useDatabaseForTests(db);
    const degenerate = {
      ...report,
      bgnbd: {
        ...report.bgnbd,
        // The stored English message is not what the screen says: it words the reason.
        degenerate: { reason: 'no_dropout' as const, message: 'Stored words, never shown.' },
      },
    };
    await createClvFitCache(db).put('set-1', '42', 'all', degenerate, 1);
    render(<ClvThermometer setId="set-1" setVersion="42" profile={profile} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^The purchase model’s fit is degenerate: it says nobody ever stops buying \(a = [\d.]+\)/,
    );
  });

  it('fits when the set changed since the saved fit', async () => {
    const db = openWayfinderDb(`thermometer-${Math.random()}`);
    useDatabaseForTests(db);
    await createClvFitCache(db).put('set-1', '42', 'all', report, 1);
    render(<ClvThermometer setId="set-1" setVersion="43" profile={profile} />);
    // Version 43 has no saved fit, so the set is read to refit: here it has no stored profiles.
    expect(await screen.findByText(/No value estimate/)).toBeVisible();
    expect(screen.queryByRole('meter')).toBeNull();
  });
});
