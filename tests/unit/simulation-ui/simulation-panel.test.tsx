// @vitest-environment jsdom
import '../../setup/dom-setup';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { JourneyDocument } from '../../../src/domain/index.ts';
import { SimulationPanel } from '../../../src/features/simulation/simulation-panel.tsx';
import { compileForSimulation } from '../../../src/features/simulation/spec-version.ts';
import type { CountsOverlay } from '../../../src/domain/simulate/counts-overlay.ts';
import type { SimulationRun } from '../../../src/storage/simulation-runs.ts';
import { fakeServices, resultFor, runFor, welcomeSeries, withServices } from './helpers.tsx';

function renderPanel(
  document = welcomeSeries(),
  services = fakeServices().services,
  onOverlay = vi.fn<(o: CountsOverlay | null) => void>(),
  onFocusStep = vi.fn<(id: string) => void>(),
) {
  render(
    withServices(
      services,
      <SimulationPanel document={document} onOverlay={onOverlay} onFocusStep={onFocusStep} />,
    ),
  );
  return { onOverlay, onFocusStep };
}

/** The panel's Run simulation button, once the panel has enabled it. */
async function runButtonOnceEnabled(): Promise<HTMLElement> {
  const run = await screen.findByRole('button', { name: 'Run simulation' });
  await waitFor(() => expect(run).toBeEnabled());
  return run;
}

/** Runs the journey, has the workers finish with its result, and waits for the result's figures. */
async function runToShownResult(fake: ReturnType<typeof fakeServices>, document: JourneyDocument) {
  await userEvent.setup().click(await runButtonOnceEnabled());
  const result = resultFor(document);
  await act(async () => fake.finish(result));
  const entered = await screen.findByRole('group', { name: 'Entered' });
  expect(entered).toHaveTextContent(new Intl.NumberFormat('en').format(result.entries));
  return result;
}

// The result view is loaded on demand (code splitting); load it once up front so the tests
// wait for the panel's behaviour, not for the module to be transformed.
beforeAll(() => import('../../../src/features/simulation/simulation-result.tsx'));

describe('SimulationPanel', () => {
  it('is disabled and says why when the journey has errors', async () => {
    const document = welcomeSeries();
    const broken = { ...document, steps: document.steps.filter((s) => s.kind !== 'event') };
    renderPanel(broken);
    expect(await screen.findByText(/Fix the errors before simulating: \d+ errors?/)).toBeVisible();
    await screen.findByRole('option', { name: /Demo customers/ });
    expect(screen.getByRole('button', { name: 'Run simulation' })).toBeDisabled();
  });

  it('has the workers read the chosen set ahead of the run, once per set and version', async () => {
    const fake = fakeServices();
    const warm = vi.fn<NonNullable<typeof fake.services.warm>>();
    renderPanel(welcomeSeries(), { ...fake.services, warm });
    const picker = await screen.findByRole('combobox', { name: 'Profile set' });
    await waitFor(() => expect(warm).toHaveBeenCalledTimes(1));
    expect(warm.mock.calls[0]?.[0]).toMatchObject({ id: 'set-1', count: 400 });
    await userEvent.setup().selectOptions(picker, 'set-2');
    // The empty set has nothing to read; choosing set-1 again asks again (the workers keep it).
    await userEvent.setup().selectOptions(picker, 'set-1');
    await waitFor(() => expect(warm).toHaveBeenCalledTimes(2));
    expect(warm.mock.calls.map(([set]) => set.id)).toEqual(['set-1', 'set-1']);
  });

  it('has the workers rehearse, when idle, exactly the run that Run then starts', async () => {
    const fake = fakeServices();
    const prepare = vi.fn<NonNullable<typeof fake.services.prepare>>();
    renderPanel(welcomeSeries(), { ...fake.services, prepare });
    await waitFor(() => expect(prepare).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    const run = await screen.findByRole('button', { name: 'Run simulation' });
    await userEvent.setup().click(run);
    await waitFor(() => expect(fake.requests).toHaveLength(1));
    const [rehearsed] = prepare.mock.calls[0] ?? [];
    const started = fake.requests[0];
    expect(rehearsed?.spec).toEqual(started?.spec);
    expect(rehearsed?.set).toEqual(started?.set);
    expect(rehearsed?.options).toEqual(started?.options);
  });

  it('defaults to the first set and its event span, then shows progress and cancels', async () => {
    const fake = fakeServices();
    renderPanel(welcomeSeries(), fake.services);
    expect(await screen.findByRole('combobox', { name: 'Profile set' })).toHaveValue('set-1');
    await waitFor(() => expect(screen.getByLabelText('Start date')).toHaveValue('2025-01-01'));
    expect(screen.getByLabelText('Days')).toHaveValue(30);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));
    const bar = await screen.findByRole('progressbar', { name: 'Simulating' });
    expect(fake.requests[0]?.options).toMatchObject({
      start: Date.UTC(2025, 0, 1),
      horizonDays: 30,
      seed: 1,
      traceSample: 200,
    });
    act(() => fake.requests[0]?.onProgress({ done: 100, total: 400, elapsedMs: 500, etaMs: 1500 }));
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveAttribute('aria-valuemax', '400');
    expect(screen.getByText('about 2 s left')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/Simulation cancelled/)).toBeVisible();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(fake.saved).toHaveLength(0);
  });

  it('saves a finished run, shows its figures and draws counts on the canvas', async () => {
    const document = welcomeSeries();
    const fake = fakeServices();
    const { onOverlay } = renderPanel(document, fake.services);
    const result = await runToShownResult(fake, document);
    const converted = screen.getByRole('group', { name: 'Converted' });
    expect(converted).toHaveTextContent(String(result.goal?.conversions));
    expect(screen.getByRole('group', { name: 'Conversion rate' })).toHaveTextContent('%');
    expect(fake.saved).toHaveLength(1);
    expect(fake.saved[0]?.journeyId).toBe(document.id);
    // The overlay is handed to the canvas from an effect, which React may run after the
    // result's commit is already on screen.
    const trigger = document.steps.find((s) => s.kind === 'event');
    await waitFor(() =>
      expect(onOverlay.mock.calls.at(-1)?.[0]?.stepCounts[trigger?.id ?? '']?.entered).toBe(
        result.steps[trigger?.id ?? '']?.entered,
      ),
    );
    const overlay = onOverlay.mock.calls.at(-1)?.[0];
    const first = document.connections[0];
    expect(overlay?.connectionCounts[first?.id ?? '']).toBe(
      result.edgeCounts[`${first?.from}->${first?.fromBranch}`],
    );
    expect(screen.getByRole('table', { name: 'Suppressed messages by cause' })).toBeVisible();
    const funnel = screen.getByRole('table', { name: 'Messages per channel' });
    expect(within(funnel).getByRole('rowheader', { name: 'Email' })).toBeVisible();
    expect(screen.getByRole('figure', { name: 'Messages per profile' })).toBeVisible();
    expect(screen.getByRole('figure', { name: /^Sends per (day|week)$/ })).toBeVisible();
  });

  it('folds its settings once a result comes, so the result has the panel, and unfolds them on request until the next run', async () => {
    const document = welcomeSeries();
    const fake = fakeServices();
    renderPanel(document, fake.services);
    expect(await screen.findByRole('combobox', { name: 'Profile set' })).toBeVisible();
    await runToShownResult(fake, document);
    const settings = screen.getByRole('button', { name: 'Run settings' });
    expect(settings).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('combobox', { name: 'Profile set' })).toBeNull();

    const user = userEvent.setup();
    await user.click(settings);
    expect(settings).toHaveAttribute('aria-expanded', 'true');
    await user.clear(screen.getByRole('spinbutton', { name: 'Seed' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Seed' }), '7');
    await user.click(settings);
    await user.click(settings);
    // Folded and unfolded, the form kept what was typed.
    expect(screen.getByRole('spinbutton', { name: 'Seed' })).toHaveValue(7);

    await user.click(screen.getByRole('button', { name: 'Run simulation' }));
    await act(async () => fake.finish(resultFor(document)));
    await waitFor(() => expect(settings).toHaveAttribute('aria-expanded', 'false'));
    expect(screen.queryByRole('spinbutton', { name: 'Seed' })).toBeNull();
  });

  it('leaves its settings open, and focus where it was, when the last run comes in while someone is in them', async () => {
    const document = welcomeSeries();
    const fake = fakeServices();
    let giveLast: (run: SimulationRun) => void = () => undefined;
    const services = {
      ...fake.services,
      runs: {
        ...fake.services.runs,
        latestForJourney: () => new Promise<SimulationRun>((resolve) => (giveLast = resolve)),
      },
    };
    renderPanel(document, services);
    const seed = await screen.findByRole('spinbutton', { name: 'Seed' });
    await userEvent.setup().click(seed);
    expect(seed).toHaveFocus();

    await act(async () => giveLast(runFor(document)));
    expect(await screen.findByRole('group', { name: 'Entered' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Run settings' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(seed).toHaveFocus();
  });

  it('draws the result without waiting for it to be stored, and keeps it shown, with the reason, when storing fails', async () => {
    const document = welcomeSeries();
    const fake = fakeServices();
    let refuse: (error: Error) => void = () => undefined;
    const stored = new Promise<never>((_resolve, reject) => (refuse = reject));
    const save = vi.fn(() => stored);
    renderPanel(document, { ...fake.services, runs: { ...fake.services.runs, save } });
    const result = await runToShownResult(fake, document);
    // Drawn while the store is still busy with it, and given the run exactly as shown.
    expect(save).toHaveBeenCalledTimes(1);
    const shown = save.mock.calls[0] as unknown as [{ id: string; result: unknown }];
    expect(shown[0].result).toBe(result);
    expect(shown[0].id).toMatch(/\S/);
    // The browser's refusal, worded from its standard name, never from its own English text.
    await act(async () =>
      refuse(new DOMException('Quota hit (browser words)', 'QuotaExceededError')),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The result is shown, but it could not be saved. The browser’s storage for this site is full',
    );
    expect(alert).not.toHaveTextContent('browser words');
    expect(screen.getByRole('group', { name: 'Entered' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
  });

  it('says the run is being saved and warns before leaving until it is stored', async () => {
    const document = welcomeSeries();
    const fake = fakeServices();
    let store: () => void = () => undefined;
    const stored = new Promise<void>((resolve) => (store = resolve));
    renderPanel(document, {
      ...fake.services,
      runs: {
        ...fake.services.runs,
        save: async (run) => {
          await stored;
          return fake.services.runs.save(run);
        },
      },
    });
    const user = userEvent.setup();
    const run = await runButtonOnceEnabled();
    await user.click(run);
    await act(async () => fake.finish(resultFor(document)));
    await screen.findByRole('group', { name: 'Entered' });
    expect(screen.getByText('Saving the run…')).toBeVisible();
    const leaveWhileSaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaveWhileSaving);
    expect(leaveWhileSaving.defaultPrevented).toBe(true);
    await act(async () => store());
    await waitFor(() => expect(screen.queryByText('Saving the run…')).toBeNull());
    const leaveAfter = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaveAfter);
    expect(leaveAfter.defaultPrevented).toBe(false);
  });

  it('runs ahead of the background work it is given, and draws what that run returns', async () => {
    const document = welcomeSeries();
    const fake = fakeServices();
    const ahead: Promise<unknown>[] = [];
    const aheadOfBackgroundWork = <T,>(work: Promise<T>): Promise<T> => {
      ahead.push(work);
      return work;
    };
    render(
      withServices(
        fake.services,
        <SimulationPanel
          document={document}
          onOverlay={vi.fn()}
          onFocusStep={vi.fn()}
          aheadOfBackgroundWork={aheadOfBackgroundWork}
        />,
      ),
    );
    const run = await runButtonOnceEnabled();
    // The chosen set holds background work until the first run (see background-hold.test.tsx).
    expect(ahead).toHaveLength(1);
    await userEvent.setup().click(run);
    await waitFor(() => expect(ahead).toHaveLength(2));
    const result = resultFor(document);
    await act(async () => fake.finish(result));
    await expect(ahead[1]).resolves.toBe(result);
    expect(await screen.findByRole('group', { name: 'Entered' })).toHaveTextContent(
      new Intl.NumberFormat('en').format(result.entries),
    );
  });

  it('runs the journey as edited even when Run is pressed before the panel caught up with the edit', async () => {
    const before = welcomeSeries();
    const after = {
      ...before,
      steps: before.steps.map((s) =>
        s.kind === 'delay' ? { ...s, config: { ...s.config, amount: 9 } } : s,
      ),
    };
    const fake = fakeServices();
    function Editing() {
      const [document, setDocument] = useState<JourneyDocument>(before);
      return (
        <>
          <button type="button" onClick={() => setDocument(after)}>
            Edit
          </button>
          <SimulationPanel document={document} onOverlay={vi.fn()} onFocusStep={vi.fn()} />
        </>
      );
    }
    render(withServices(fake.services, <Editing />));
    const run = await runButtonOnceEnabled();
    // Outside act(), as in the browser: the edit's own render commits at once and the panel's
    // deferred render waits for a later task, so the click lands between the two.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const previous = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      screen.getByRole('button', { name: 'Edit' }).click();
      await Promise.resolve();
      run.click();
      await waitFor(() => expect(fake.requests).toHaveLength(1));
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = previous;
    }
    const expected = compileForSimulation(after);
    if (!expected.ok) throw new Error('the edited journey does not compile');
    expect(fake.requests[0]?.spec).toEqual(expected.spec);
  });

  it('saves nothing when cancelled after the workers finished but before the run was stored', async () => {
    const document = welcomeSeries();
    const fake = fakeServices();
    renderPanel(document, fake.services);
    const user = userEvent.setup();
    const run = await runButtonOnceEnabled();
    await user.click(run);
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    act(() => {
      fake.finish(resultFor(document));
      cancel.click();
    });
    expect(await screen.findByText(/Simulation cancelled/)).toBeVisible();
    expect(fake.saved).toHaveLength(0);
    expect(screen.queryByRole('group', { name: 'Entered' })).toBeNull();
  });

  it('shows the last run on reopening, marked stale once the journey changed', async () => {
    const document = welcomeSeries();
    const last = runFor(document);
    renderPanel({ ...document, name: 'Welcome series v2' }, fakeServices({ last }).services);
    expect(await screen.findByRole('group', { name: 'Entered' })).toBeVisible();
    expect(screen.getByText('stale — the journey changed since this run')).toBeVisible();
  });

  it('does not mark the last run stale while the journey is unchanged', async () => {
    const document = welcomeSeries();
    renderPanel(document, fakeServices({ last: runFor(document) }).services);
    expect(await screen.findByRole('group', { name: 'Entered' })).toBeVisible();
    expect(screen.queryByText(/stale/)).toBeNull();
  });
});
