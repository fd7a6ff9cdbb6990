// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { isInaccessible, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createJourney, sequentialIds } from '../../../src/domain/index.ts';
import { liveOverlay } from '../../../src/domain/live/live-overlay.ts';
import type { VersionForecast } from '../../../src/domain/live/version-forecast.ts';
import { createEditorStore } from '../../../src/editor/index.ts';
import { JourneyCanvas } from '../../../src/features/editor/canvas/journey-canvas.tsx';
import { loadMessages } from '../../../src/i18n/load-messages.ts';
import { LocaleProvider } from '../../../src/i18n/locale-provider.tsx';

function journey() {
  const store = createEditorStore(
    createJourney('Welcome', 0, () => 'j1'),
    { newId: sequentialIds('s') },
  );
  const add = (kind: string, x: number, label: string) => {
    store.dispatch('addStep', { kind, position: { x, y: 0 } });
    const id = store.getState().selection.stepIds[0] ?? '';
    store.dispatch('updateStepLabel', { stepId: id, label });
    return id;
  };
  const trigger = add('event', 0, 'Signed up');
  const email = add('email', 300, 'Welcome email');
  const wait = add('delay', 600, 'Wait 2 days');
  store.dispatch('connect', { from: trigger, branch: 'next', to: email });
  store.dispatch('connect', { from: email, branch: 'next', to: wait });
  store.dispatch('clearSelection');
  store.load(store.getState().document);
  return { store, trigger, email, wait };
}

const fail = (error: unknown) => {
  throw error;
};

const band = (p: number, spread = 0.01) => ({ p10: p - spread, p50: p, p90: p + spread });

function forecastFor(ids: { trigger: string; email: string; wait: string }): VersionForecast {
  return {
    format: 1,
    journeyId: 'j1',
    version: 3,
    specHash: 'h',
    profileSetName: 'Demo',
    profiles: 5000,
    replications: 20,
    ranAt: 0,
    steps: {
      [ids.trigger]: { entered: band(4000), share: band(1, 0) },
      [ids.email]: { entered: band(3990), share: band(0.99) },
      [ids.wait]: { entered: band(3980), share: band(0.98) },
    },
    edges: {},
    daily: [],
  };
}

describe('live counts on the canvas', () => {
  it('in "both" view shows actual beside simulated and marks only the step outside the forecast range', async () => {
    const { store, trigger, email, wait } = journey();
    const document = store.getState().document;
    const overlay = liveOverlay(
      {
        version: 3,
        entries: 400,
        steps: {
          [trigger]: { entered: 400, waiting: 0 },
          [email]: { entered: 398, waiting: 0 },
          [wait]: { entered: 200, waiting: 0 },
        },
        edgeCounts: { [`${trigger}->next`]: 400, [`${email}->next`]: 200 },
      },
      document,
      'both',
      forecastFor({ trigger, email, wait }),
      { [trigger]: [email], [email]: [wait], [wait]: [] },
    );
    render(<JourneyCanvas store={store} showPalette={false} overlay={overlay} />);
    const waitStep = screen.getByRole('group', { name: 'Delay step: Wait 2 days' });
    // The pill loads with the live counts (lazily): wait for it.
    expect(await within(waitStep).findByText(/200 actual/)).toBeVisible();
    expect(within(waitStep).getByText(/3,980 sim/)).toBeVisible();
    expect(
      within(waitStep).getByRole('img', {
        name: 'Below the forecast: 50% of entries reached this step, forecast 97%–99%',
      }),
    ).toBeVisible();
    const emailStep = screen.getByRole('group', { name: 'Email step: Welcome email' });
    expect(within(emailStep).getByText(/398 actual/)).toBeVisible();
    expect(within(emailStep).queryByRole('img', { name: /forecast/ })).toBeNull();
  });

  it('in "actual" view shows the executor’s counts only, on steps and connections', async () => {
    const { store, trigger, email, wait } = journey();
    const overlay = liveOverlay(
      {
        version: 3,
        entries: 7,
        steps: {
          [trigger]: { entered: 7, waiting: 0 },
          [email]: { entered: 7, waiting: 0 },
          [wait]: { entered: 5, waiting: 5 },
        },
        edgeCounts: { [`${trigger}->next`]: 7, [`${email}->next`]: 5 },
      },
      store.getState().document,
      'actual',
      forecastFor({ trigger, email, wait }),
      {},
    );
    render(<JourneyCanvas store={store} showPalette={false} overlay={overlay} />);
    const waitStep = screen.getByRole('group', { name: 'Delay step: Wait 2 days' });
    expect(await within(waitStep).findByText('5 actual')).toBeVisible();
    expect(within(waitStep).queryByText(/sim|entered/)).toBeNull();
    expect(screen.getByText('7', { selector: '.journey-edge__count' })).toBeVisible();
  });

  it('names each arrow with its live count, never as simulated, and reads the drawn count only once', async () => {
    const { store, trigger, email, wait } = journey();
    const overlay = liveOverlay(
      {
        version: 3,
        entries: 1_200,
        steps: {},
        edgeCounts: { [`${trigger}->next`]: 1_200, [`${email}->next`]: 900 },
      },
      store.getState().document,
      'both',
      forecastFor({ trigger, email, wait }),
      {},
    );
    render(<JourneyCanvas store={store} showPalette={false} overlay={overlay} />);
    // The words come with the live counts (lazily): wait for them.
    expect(
      await screen.findByRole('group', {
        name: 'Connection from Signed up (Next) to Welcome email: 1,200 actual',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', {
        name: 'Connection from Welcome email (Next) to Wait 2 days: 900 actual',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /simulation/ })).toBeNull();
    // In the name whatever the zoom, so the drawn count (hidden when zoomed far out) is not read too.
    const drawn = screen.getByText('1,200', { selector: '.journey-edge__count' });
    expect(isInaccessible(drawn)).toBe(true);
  });

  it('names arrows with their live counts in French, from the French catalogue', async () => {
    const { store, trigger, email, wait } = journey();
    const overlay = liveOverlay(
      { version: 3, entries: 1_200, steps: {}, edgeCounts: { [`${trigger}->next`]: 1_200 } },
      store.getState().document,
      'actual',
      forecastFor({ trigger, email, wait }),
      {},
    );
    render(
      <LocaleProvider locale="fr" messages={await loadMessages('fr')} onError={fail}>
        <JourneyCanvas store={store} showPalette={false} overlay={overlay} />
      </LocaleProvider>,
    );
    const arrow = await screen.findByRole('group', {
      name: /^Liaison de Signed up \(.+\) vers Welcome email : 1\s200 réels$/u,
    });
    expect(arrow).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: /simulation/ })).toBeNull();
  });

  it('says how many messages a step reached but did not send, and why, beside its actual and simulated counts', async () => {
    const { store, trigger, email, wait } = journey();
    const counts = {
      version: 3,
      entries: 400,
      steps: {
        [trigger]: { entered: 400, waiting: 0 },
        [email]: { entered: 398, waiting: 0 },
        [wait]: { entered: 380, waiting: 0 },
      },
      edgeCounts: {},
      notSent: {
        [email]: { journey_stopped: 12, not_rendered: 3 },
        [wait]: { journey_stopped: 0, not_rendered: 0 },
      },
    };
    const document = store.getState().document;
    const ids = { trigger, email, wait };
    const both = liveOverlay(counts, document, 'both', forecastFor(ids), {});
    const { unmount } = render(<JourneyCanvas store={store} showPalette={false} overlay={both} />);
    const emailStep = screen.getByRole('group', { name: 'Email step: Welcome email' });
    const pill = await within(emailStep).findByText(/398 actual/);
    expect(pill).toHaveTextContent('398 actual · 3,990 sim · 15 not sent');
    expect(pill.closest('[title]')?.getAttribute('title')).toContain(
      '15 messages reached this step but did not go out, so the actual sends leave them out: 12 because the journey was stopped, 3 because the message could not be filled in for the customer',
    );
    const waitStep = screen.getByRole('group', { name: 'Delay step: Wait 2 days' });
    expect(await within(waitStep).findByText(/380 actual/)).not.toHaveTextContent(/not sent/);
    unmount();

    const actual = liveOverlay(counts, document, 'actual', null, {});
    render(<JourneyCanvas store={store} showPalette={false} overlay={actual} />);
    const again = screen.getByRole('group', { name: 'Email step: Welcome email' });
    expect(await within(again).findByText(/398 actual/)).toHaveTextContent(
      '398 actual · 15 not sent',
    );
  });
});
