// @vitest-environment jsdom
import '../../setup/dom-setup';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimulationPanel } from '../../../src/features/simulation/simulation-panel.tsx';
import {
  HOLD_MS,
  useBackgroundHold,
} from '../../../src/features/simulation/use-background-hold.ts';
import { fakeServices, resultFor, welcomeSeries, withServices } from './helpers.tsx';

/** Records what each call holds background work for, and whether that has settled. */
function recorder() {
  const holds: { settled: boolean }[] = [];
  const ahead = <T,>(work: Promise<T>): Promise<T> => {
    const hold = { settled: false };
    holds.push(hold);
    const settle = () => (hold.settled = true);
    work.then(settle, settle);
    return work;
  };
  const open = () => holds.filter((h) => !h.settled).length;
  return { ahead, holds, open };
}

/** Lets settled promises call back. */
const flush = () => vi.advanceTimersByTimeAsync(0);

afterEach(() => vi.useRealTimers());

describe('useBackgroundHold', () => {
  beforeEach(() => vi.useFakeTimers());

  it('holds background work from the set chosen until the first run on it has ended', async () => {
    const { ahead, holds, open } = recorder();
    const { rerender } = renderHook(({ running }) => useBackgroundHold(ahead, 'set-1:1', running), {
      initialProps: { running: false },
    });
    await flush();
    expect(open()).toBe(1);
    rerender({ running: true });
    await flush();
    expect(open()).toBe(0); // the run holds it itself meanwhile
    rerender({ running: false });
    await flush();
    // Runs after the first go ahead on their own: nothing more is held, even later.
    await vi.advanceTimersByTimeAsync(HOLD_MS * 2);
    expect(holds).toHaveLength(1);
    expect(open()).toBe(0);
  });

  it('lets go after a while when no run comes', async () => {
    const { ahead, open } = recorder();
    renderHook(() => useBackgroundHold(ahead, 'set-1:1', false));
    await vi.advanceTimersByTimeAsync(HOLD_MS - 1);
    expect(open()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(open()).toBe(0);
  });

  it('holds again for another set (or version), and lets go when unmounted', async () => {
    const { ahead, holds, open } = recorder();
    const { rerender, unmount } = renderHook(
      ({ key }: { key: string | null }) => useBackgroundHold(ahead, key, false),
      { initialProps: { key: null as string | null } },
    );
    await flush();
    expect(holds).toHaveLength(0);
    rerender({ key: 'set-1:1' });
    rerender({ key: 'set-1:2' });
    await flush();
    expect(holds).toHaveLength(2);
    expect(open()).toBe(1);
    unmount();
    await flush();
    expect(open()).toBe(0);
  });
});

beforeAll(() => import('../../../src/features/simulation/simulation-result.tsx'));

describe('the simulation panel', () => {
  it('holds background work once a set is chosen, until its first run is drawn', async () => {
    const { ahead, open } = recorder();
    const fake = fakeServices();
    const document = welcomeSeries();
    render(
      withServices(
        fake.services,
        <SimulationPanel
          document={document}
          onOverlay={() => undefined}
          onFocusStep={() => undefined}
          aheadOfBackgroundWork={ahead}
        />,
      ),
    );
    await waitFor(() => expect(open()).toBe(1));
    const run = await screen.findByRole('button', { name: 'Run simulation' });
    await waitFor(() => expect(run).toBeEnabled());
    await userEvent.setup().click(run);
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    await act(async () => fake.finish(resultFor(document)));
    await screen.findByRole('group', { name: 'Entered' });
    await waitFor(() => expect(open()).toBe(0));
  });
});
