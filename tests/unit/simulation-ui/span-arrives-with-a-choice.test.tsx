// @vitest-environment jsdom
import '../../setup/dom-setup';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SimulationPanel } from '../../../src/features/simulation/simulation-panel.tsx';
import type { SetSpan } from '../../../src/features/simulation/simulation-services.tsx';
import { fakeServices, welcomeSeries, withServices } from './helpers.tsx';

const SPAN: SetSpan = { start: Date.UTC(2025, 0, 1), horizonDays: 30, profiles: 400 };

/**
 * The fake services, with the set's span handed over by the test; each test its own set, since
 * the panel keeps spans per set and version for the page's life.
 */
function servicesWithHeldSpan(setId: string) {
  const fake = fakeServices();
  let handOver: (span: SetSpan) => void = () => undefined;
  const services = {
    ...fake.services,
    listProfileSets: async () => [{ id: setId, name: 'Synthetic 10k', count: 400, updatedAt: 1 }],
    readSpan: vi.fn(() => new Promise<SetSpan>((resolve) => (handOver = resolve))),
  };
  return { services, handOver: (span: SetSpan) => handOver(span) };
}

/**
 * The span comes from the workers (a message, then a promise); the person's change comes as an
 * input event. On a loaded machine the event can come after the span's promise settled and
 * before React drew the span: the two must not undo each other.
 */
async function spanThenAtOnce(handOver: (span: SetSpan) => void, change: () => void) {
  handOver(SPAN);
  // The span's `then` runs; React has not drawn the span yet (it renders in a later task).
  await Promise.resolve();
  await Promise.resolve();
  change();
}

describe('the set span arriving in the same moment as a change to the form', () => {
  it('enables Run when the set is chosen again just as its span arrives', async () => {
    const { services, handOver } = servicesWithHeldSpan('set-chosen-again');
    render(
      withServices(
        services,
        <SimulationPanel document={welcomeSeries()} onOverlay={vi.fn()} onFocusStep={vi.fn()} />,
      ),
    );
    const picker = await screen.findByRole('combobox', { name: 'Profile set' });
    await waitFor(() => expect(services.readSpan).toHaveBeenCalled());

    await spanThenAtOnce(handOver, () =>
      fireEvent.change(picker, { target: { value: 'set-chosen-again' } }),
    );

    const run = screen.getByRole('button', { name: 'Run simulation' });
    await waitFor(() => expect(run).toBeEnabled(), { timeout: 3_000 });
    expect(screen.getByLabelText('Start date')).toHaveValue('2025-01-01');
    expect(screen.getByLabelText('Days')).toHaveValue(30);
  });

  it('enables Run, with the seed typed, when the seed is typed just as the span arrives', async () => {
    const { services, handOver } = servicesWithHeldSpan('set-seed-typed');
    render(
      withServices(
        services,
        <SimulationPanel document={welcomeSeries()} onOverlay={vi.fn()} onFocusStep={vi.fn()} />,
      ),
    );
    await screen.findByRole('combobox', { name: 'Profile set' });
    await waitFor(() => expect(services.readSpan).toHaveBeenCalled());

    const seed = screen.getByLabelText('Seed');
    await spanThenAtOnce(handOver, () => fireEvent.change(seed, { target: { value: '7' } }));

    const run = screen.getByRole('button', { name: 'Run simulation' });
    await waitFor(() => expect(run).toBeEnabled(), { timeout: 3_000 });
    expect(seed).toHaveValue(7);
    expect(screen.getByLabelText('Days')).toHaveValue(30);
  });
});
