// @vitest-environment jsdom
import '../../setup/dom-setup.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackendHandlers } from '../../../mocks/backend-handlers';
import { createLiveHandlers } from '../../../mocks/live-handlers';
import { createMockBackendState } from '../../../mocks/mock-backend-state';
import { saveBackendSettings } from '../../../src/api/backend-settings';
import { compile, sequentialIds, TEMPLATES, type JourneyDocument } from '../../../src/domain/index';
import type { CountsOverlay } from '../../../src/domain/simulate/counts-overlay';
import { LiveCounts } from '../../../src/features/live/live-counts';
import type { VersionCounts } from '../../../src/api/executor-contract';
import type { VersionForecast } from '../../../src/domain/live/version-forecast';
import { ForecastVsActual } from '../../../src/features/live/forecast-vs-actual';
import { VersionBanner } from '../../../src/features/live/version-banner';
import { withLiveMessages } from '../../../src/i18n/live-messages';

const BASE = 'http://executor.test';
const state = createMockBackendState(() => new Date('2026-12-06T09:00:00.000Z'));
const server = setupServer(
  ...createLiveHandlers(state, BASE),
  ...createBackendHandlers(state, BASE),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  state.reset();
  localStorage.clear();
});
afterAll(() => server.close());

function welcome(): JourneyDocument {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (template === undefined) throw new Error('no welcome series');
  return { ...template.build(0, sequentialIds('s')), id: 'j-welcome' };
}

async function publish(document: JourneyDocument) {
  const { spec } = compile(document, { version: 1 });
  const r = await fetch(`${BASE}/journeys/j-welcome/versions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k' },
    body: JSON.stringify({ spec }),
  });
  expect(r.status).toBe(201);
}

/** The counts answer for a document's steps with `n` entries at its first step. */
function countsWith(document: JourneyDocument, n: number) {
  const exits = {
    exit: 0,
    completed: 0,
    exit_criteria: 0,
    goal: 0,
    control_group: 0,
    loop_guard: 0,
  };
  return {
    journeyId: document.id,
    version: 1,
    asOf: '2026-12-06T09:00:00.000Z',
    entries: n,
    conversions: 0,
    control: { entries: 0, conversions: 0 },
    steps: Object.fromEntries(
      document.steps.map((s, i) => [
        s.id,
        {
          stepId: s.id,
          kind: s.kind,
          label: s.label,
          entered: i === 0 ? n : 0,
          byBranch: {},
          waiting: 0,
          exited: 0,
          exitedBy: exits,
          sent: 0,
          channel: null,
          costPerSend: 0,
        },
      ]),
    ),
    edgeCounts: {},
    daily: [],
  };
}

function renderLive(document: JourneyDocument, onOverlay: (o: CountsOverlay | null) => void) {
  saveBackendSettings({ baseUrl: BASE, token: '', remember: false });
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return render(<LiveCounts document={document} onOverlay={onOverlay} />, { wrapper });
}

describe('LiveCounts', () => {
  it('draws nothing for a journey the backend has never published', async () => {
    const onOverlay = vi.fn();
    const { container } = renderLive(welcome(), onOverlay);
    await waitFor(() => expect(state.log.some((r) => r.path.endsWith('/versions'))).toBe(true));
    expect(container).toBeEmptyDOMElement();
    expect(onOverlay).not.toHaveBeenCalledWith(
      expect.objectContaining({ actual: expect.anything() }),
    );
  });

  it('shows actual counts by itself once the version has entries', async () => {
    const document = welcome();
    await publish(document);
    server.use(
      http.get(`${BASE}/journeys/j-welcome/versions/1/counts`, () =>
        HttpResponse.json(countsWith(document, 12)),
      ),
    );
    const overlays: (CountsOverlay | null)[] = [];
    renderLive(document, (o) => overlays.push(o));
    const group = await screen.findByRole('group', { name: 'Counts on the canvas' });
    await waitFor(() => expect(within(group).getByRole('radio', { name: 'Actual' })).toBeChecked());
    await waitFor(() =>
      expect(overlays.at(-1)?.actual?.steps[document.steps[0]?.id ?? '']).toEqual({ entered: 12 }),
    );
  });

  it('the toggle shows the executor’s counts, hands the canvas back to the simulation, or asks for a forecast for both', async () => {
    const document = welcome();
    await publish(document);
    const trigger = document.steps[0]?.id ?? '';
    const overlays: (CountsOverlay | null)[] = [];
    renderLive(document, (o) => overlays.push(o));
    const user = userEvent.setup();
    const group = await screen.findByRole('group', { name: 'Counts on the canvas' });
    // Nobody has entered version 1 yet: the simulation's counts stay on the canvas.
    expect(within(group).getByRole('radio', { name: 'Simulated' })).toBeChecked();
    expect(overlays.every((o) => o === null)).toBe(true);

    await user.click(within(group).getByRole('radio', { name: 'Actual' }));
    await waitFor(() => expect(overlays.at(-1)?.actual?.show).toBe('actual'));
    expect(overlays.at(-1)?.actual?.steps[trigger]).toEqual({ entered: 0 });

    await user.click(within(group).getByRole('radio', { name: 'Simulated' }));
    await waitFor(() => expect(overlays.at(-1)).toBeNull());

    await user.click(within(group).getByRole('radio', { name: 'Both' }));
    await waitFor(() => expect(overlays.at(-1)?.actual?.show).toBe('both'));
    expect(screen.getByText('Forecast v1 to compare.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Forecast v1' })).toBeEnabled();
  });

  it('names the published version and says when the draft differs, listing the steps it removed with their counts', async () => {
    const published = welcome();
    await publish(published);
    const removedStep = published.steps.find((s) => s.label === 'Code reminder');
    if (removedStep === undefined) throw new Error('no code reminder step');
    const draft: JourneyDocument = {
      ...published,
      steps: published.steps.filter((s) => s.id !== removedStep.id),
      connections: published.connections.filter(
        (c) => c.from !== removedStep.id && c.to !== removedStep.id,
      ),
    };
    renderLive(published, () => undefined);
    const banner = await screen.findByRole('group', { name: 'Published version' });
    expect(within(banner).getByText(/^Live counts of v1, published/)).toBeVisible();
    expect(within(banner).queryByText(/Your draft differs/)).toBeNull();
    cleanup();

    renderLive(draft, () => undefined);
    const changed = await screen.findByRole('group', { name: 'Published version' });
    expect(
      await within(changed).findByText('Your draft differs from v1: these are v1’s counts.'),
    ).toBeVisible();
    const removed = within(changed).getByRole('list', {
      name: 'Steps of v1 not in the draft',
    });
    expect(within(removed).getByText('Code reminder: 0 entered, 0 waiting')).toBeVisible();
  });
});

describe('LiveCounts when the executor fails or forgets', () => {
  it('says the canvas keeps the last counts read while the executor does not answer', async () => {
    const document = welcome();
    await publish(document);
    let down = false;
    server.use(
      http.get(`${BASE}/journeys/j-welcome/versions/1/counts`, () =>
        down ? HttpResponse.error() : HttpResponse.json(countsWith(document, 12)),
      ),
    );
    const overlays: (CountsOverlay | null)[] = [];
    renderLive(document, (o) => overlays.push(o));
    const trigger = document.steps[0]?.id ?? '';
    await waitFor(() => expect(overlays.at(-1)?.actual?.steps[trigger]).toEqual({ entered: 12 }));
    down = true;
    expect(
      await screen.findByText(
        'Live counts could not be read: the canvas shows the last ones read, as of the time above. Retrying.',
        undefined,
        { timeout: 15_000 },
      ),
    ).toBeVisible();
  });

  it('stops showing the counts of a version the executor no longer has (a reset, another database), and learns of the versions it has', async () => {
    const document = welcome();
    await publish(document);
    server.use(
      http.get(`${BASE}/journeys/j-welcome/versions/1/counts`, () =>
        state.versions('j-welcome').length === 0
          ? HttpResponse.json(
              { error: { code: 'not-found', message: 'No such version.' } },
              { status: 404 },
            )
          : HttpResponse.json(countsWith(document, 12)),
      ),
    );
    const overlays: (CountsOverlay | null)[] = [];
    renderLive(document, (o) => overlays.push(o));
    const trigger = document.steps[0]?.id ?? '';
    await waitFor(() => expect(overlays.at(-1)?.actual?.steps[trigger]).toEqual({ entered: 12 }));
    state.reset(); // the executor started over on an empty database
    await waitFor(() => expect(overlays.at(-1)).toBeNull(), { timeout: 15_000 });
    expect(screen.queryByRole('region', { name: 'Live counts' })).toBeNull();
  });
});

describe('VersionBanner', () => {
  // Its words ship with the live counts bar it is drawn in.
  const Banner = withLiveMessages(VersionBanner);

  it('shows the counts’ version, publication time and freshness, and each removed step’s counts', () => {
    render(
      <Banner
        version={4}
        publishedAt="2026-12-01T10:00:00.000Z"
        asOf="2026-12-06T08:30:00.000Z"
        drift={{ differs: true, removedStepIds: ['x'], addedStepIds: ['y', 'z'] }}
        removed={[{ id: 'x', label: 'Old reminder', entered: 1234, waiting: 5 }]}
      />,
    );
    const banner = screen.getByRole('group', { name: 'Published version' });
    expect(
      within(banner).getByText(/Live counts of v4, published Dec 1, 2026, 10:00 AM UTC/),
    ).toBeVisible();
    expect(within(banner).getByText(/as of Dec 6, 2026, 8:30 AM/)).toBeVisible();
    expect(within(banner).getByText('2 new steps have no counts yet.')).toBeVisible();
    expect(within(banner).getByText('1 step of v4 not in the draft')).toBeVisible();
    expect(within(banner).getByText('Old reminder: 1,234 entered, 5 waiting')).toBeVisible();
  });
});

describe('ForecastVsActual', () => {
  const Chart = withLiveMessages(ForecastVsActual);
  // Only what the chart reads of a forecast: its days (none here) and what it was run on.
  const forecast = {
    version: 1,
    profileSetName: 'Demo',
    profiles: 100,
    replications: 5,
    daily: [],
  } as unknown as VersionForecast;
  const counts = (notSent: VersionCounts['notSent']) =>
    ({ asOf: '2026-12-02T12:00:00.000Z', daily: [], notSent }) as unknown as VersionCounts;

  it('says how many messages reached their step and did not go out, and why, which the actual sends leave out', () => {
    render(
      <Chart
        forecast={forecast}
        counts={counts({
          m1: { journey_stopped: 12, not_rendered: 0 },
          m2: { journey_stopped: 0, not_rendered: 3 },
        })}
        publishedAt="2026-12-01T10:00:00.000Z"
      />,
    );
    expect(
      screen.getByText(
        '15 messages reached their steps but did not go out: 12 because the journey was stopped, 3 because the message could not be filled in for the customer. The actual messages sent leave them out; the forecast does not.',
      ),
    ).toBeVisible();
  });

  it('says nothing of it when every message reached went out, or the executor does not report it', () => {
    for (const notSent of [{ m1: { journey_stopped: 0, not_rendered: 0 } }, undefined]) {
      const { unmount } = render(
        <Chart
          forecast={forecast}
          counts={counts(notSent)}
          publishedAt="2026-12-01T10:00:00.000Z"
        />,
      );
      expect(screen.queryByText(/did not go out/)).toBeNull();
      unmount();
    }
  });
});
