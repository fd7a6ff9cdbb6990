// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { gatherEntryEvidence } from '../../../src/domain/diagnose/entry-evidence.ts';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { profileColumns } from '../../../src/domain/simulate/profile-columns.ts';
import { simulate } from '../../../src/domain/simulate/simulate.ts';
import { SimulationPanel } from '../../../src/features/simulation/simulation-panel.tsx';
import { fakeServices, welcomeSeries, withServices } from './helpers.tsx';

const DAY = 86_400_000;
/** Customers of 2020: the panel's default period (the fake set's span) is in 2025. */
const OLD = generateProfiles({
  count: 50,
  seed: 3,
  start: Date.UTC(2020, 0, 1),
  end: Date.UTC(2020, 6, 1),
});

beforeAll(() => import('../../../src/features/simulation/simulation-result.tsx'));

describe('a run where nobody entered', () => {
  it('says so and why, in the panel, and stores the reasons with the run', async () => {
    const fake = fakeServices();
    const diagnose = vi.fn<NonNullable<typeof fake.services.diagnose>>(async ({ spec, options }) =>
      gatherEntryEvidence(
        spec,
        { start: options.start, end: options.start + options.horizonDays * DAY },
        profileColumns(OLD),
      ),
    );
    render(
      withServices(
        { ...fake.services, diagnose },
        <SimulationPanel document={welcomeSeries()} onOverlay={vi.fn()} onFocusStep={vi.fn()} />,
      ),
    );
    const run = await screen.findByRole('button', { name: 'Run simulation' });
    await waitFor(() => expect(run).toBeEnabled());
    await userEvent.setup().click(run);
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    const request = fake.requests[0];
    if (request === undefined) throw new Error('no run asked for');
    fake.finish(simulate(request.spec, OLD, request.options));
    const notice = await screen.findByRole('region', { name: 'Nobody entered this journey' });
    expect(
      within(notice).getByText(/^The period holds none of the set’s events: the 50 profiles/),
    ).toBeVisible();
    expect(diagnose).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(fake.saved).toHaveLength(1));
    expect(fake.saved[0]?.noEntry?.[0]).toEqual({ code: 'period_misses_events', profiles: 50 });
  });

  it('asks nothing and says nothing of the kind when somebody entered', async () => {
    const fake = fakeServices();
    const diagnose = vi.fn<NonNullable<typeof fake.services.diagnose>>();
    render(
      withServices(
        { ...fake.services, diagnose },
        <SimulationPanel document={welcomeSeries()} onOverlay={vi.fn()} onFocusStep={vi.fn()} />,
      ),
    );
    const run = await screen.findByRole('button', { name: 'Run simulation' });
    await waitFor(() => expect(run).toBeEnabled());
    await userEvent.setup().click(run);
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    const request = fake.requests[0];
    if (request === undefined) throw new Error('no run asked for');
    const recent = OLD.map((p) => ({
      ...p,
      events: p.events.map((e) => ({
        ...e,
        at: e.at - Date.UTC(2020, 0, 1) + request.options.start,
      })),
    }));
    const result = simulate(request.spec, recent, request.options);
    expect(result.profilesEntered).toBeGreaterThan(0);
    fake.finish(result);
    await waitFor(() => expect(fake.saved).toHaveLength(1));
    expect(fake.saved[0]?.noEntry).toBeUndefined();
    expect(screen.queryByRole('region', { name: 'Nobody entered this journey' })).toBeNull();
    expect(diagnose).not.toHaveBeenCalled();
  });
});
