// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { generateProfiles } from '../../../src/domain/profiles/generate/generate-profiles.ts';
import { SimulationPanel } from '../../../src/features/simulation/simulation-panel.tsx';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';
import { fakeServices, NOW, welcomeSeries, withServices } from './helpers.tsx';

const DAY = 86_400_000;
let n = 0;

/** The fake services, but listing the sets of a real (fake-indexeddb) store another tab changes. */
async function servicesOnStore() {
  const repo = createProfileRepo(openWayfinderDb(`sim-sets-${Date.now()}-${n++}`));
  const profiles = (count: number) =>
    generateProfiles({ count, seed: 3, start: NOW - 30 * DAY, end: NOW });
  const spring = await repo.createProfileSet({ name: 'Spring customers', source: 'generated' });
  await repo.importIntoSet(spring.id, profiles(20), { mode: 'replace' });
  const fake = fakeServices();
  const services = {
    ...fake.services,
    listProfileSets: async () =>
      (await repo.listProfileSets()).map(({ id, name, count, updatedAt }) => ({
        id,
        name,
        count,
        updatedAt,
      })),
  };
  return { repo, fake, services, spring, profiles };
}

describe('the panel follows the stored sets while it is open', () => {
  it('lists a set imported in another tab, and runs on a set as it is now, not as first read', async () => {
    const { repo, fake, services, spring, profiles } = await servicesOnStore();
    render(
      withServices(
        services,
        <SimulationPanel document={welcomeSeries()} onOverlay={vi.fn()} onFocusStep={vi.fn()} />,
      ),
    );
    const picker = await screen.findByRole('combobox', { name: 'Profile set' });
    await screen.findByRole('option', { name: 'Spring customers (20 profiles)' });

    const autumn = await repo.createProfileSet({ name: 'Autumn customers', source: 'generated' });
    await repo.importIntoSet(autumn.id, profiles(5), { mode: 'replace' });
    await repo.importIntoSet(spring.id, profiles(30), { mode: 'replace' });
    await screen.findByRole('option', { name: 'Autumn customers (5 profiles)' });
    // The live read may have drawn the new set before the re-import landed: wait for both.
    await within(picker).findByRole('option', { name: 'Spring customers (30 profiles)' });

    const run = screen.getByRole('button', { name: 'Run simulation' });
    await waitFor(() => expect(run).toBeEnabled());
    await userEvent.setup().click(run);
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(fake.requests[0]?.set).toMatchObject({ id: spring.id, count: 30 });
  });

  it('says so when the chosen set is deleted elsewhere, and runs nothing until another is chosen', async () => {
    const { repo, fake, services, spring, profiles } = await servicesOnStore();
    const other = await repo.createProfileSet({ name: 'Other customers', source: 'generated' });
    await repo.importIntoSet(other.id, profiles(8), { mode: 'replace' });
    render(
      withServices(
        services,
        <SimulationPanel document={welcomeSeries()} onOverlay={vi.fn()} onFocusStep={vi.fn()} />,
      ),
    );
    const picker = await screen.findByRole('combobox', { name: 'Profile set' });
    const user = userEvent.setup();
    await user.selectOptions(picker, spring.id);
    const run = screen.getByRole('button', { name: 'Run simulation' });
    await waitFor(() => expect(run).toBeEnabled());

    await repo.deleteSet(spring.id);
    expect(
      await screen.findByText(
        'The set “Spring customers” was deleted, here or in another tab: choose another set.',
      ),
    ).toBeVisible();
    expect(within(picker).queryByRole('option', { name: /Spring customers/ })).toBeNull();
    expect(picker).toHaveValue('');
    expect(run).toBeDisabled();

    await user.selectOptions(picker, other.id);
    await waitFor(() => expect(run).toBeEnabled());
    await user.click(run);
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(fake.requests[0]?.set).toMatchObject({ id: other.id, count: 8 });
  });
});
