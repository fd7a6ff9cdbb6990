// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SimulationsPage } from '../../../src/features/simulation/simulations-page.tsx';
import type { SimulationRun } from '../../../src/storage/simulation-runs.ts';
import { fakeServices, runFor, welcomeSeries, withServices } from './helpers.tsx';

describe('SimulationsPage', () => {
  it('lists runs across journeys with their standing, opens the journey and deletes a run', async () => {
    const document = welcomeSeries();
    const current = runFor(document, { id: 'r-current', createdAt: 3 });
    const stale = runFor(document, { id: 'r-stale', createdAt: 2, specHash: 'old' });
    const orphan = runFor(document, {
      id: 'r-orphan',
      createdAt: 1,
      journeyId: 'gone',
      journeyName: 'Deleted journey',
    });
    let runs: SimulationRun[] = [current, stale, orphan];
    const { services } = fakeServices();
    services.runs.listAll = async () => runs;
    services.runs.delete = async (id) => {
      runs = runs.filter((r) => r.id !== id);
    };
    services.loadJourney = async (id) => (id === document.id ? document : undefined);
    render(withServices(services, <SimulationsPage />));

    const table = await screen.findByRole('table', { name: 'Saved simulation runs' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[4]?.textContent)).toEqual([
      'Current',
      'Stale',
      'Journey deleted',
    ]);
    expect(rows[0]).toHaveTextContent('Welcome series');
    expect(rows[0]).toHaveTextContent(String(current.result.goal?.conversions));
    expect(
      within(rows[0] as HTMLElement).getByRole('link', { name: 'Open Welcome series' }),
    ).toHaveAttribute('href', `/journeys/${document.id}`);
    expect(within(rows[2] as HTMLElement).queryByRole('link')).toBeNull();

    const user = userEvent.setup();
    await user.click(within(rows[1] as HTMLElement).getByRole('button', { name: /^Delete/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete run' }));
    expect(await screen.findAllByRole('row')).toHaveLength(3);
    expect(screen.queryByText('Stale')).toBeNull();
  });
});
