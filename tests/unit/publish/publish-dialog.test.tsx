// @vitest-environment jsdom
import '../../setup/dom-setup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackendHandlers } from '../../../mocks/backend-handlers';
import { createMockBackendState } from '../../../mocks/mock-backend-state';
import { saveBackendSettings } from '../../../src/api/backend-settings';
import {
  compile,
  validate,
  type Diagnostic,
  type JourneyDocument,
} from '../../../src/domain/index';
import { PublishButton } from '../../../src/features/publish/publish-button';
import { localPublishedVersions } from '../../../src/features/publish/published-versions';
import { useDatabaseForTests } from '../../../src/storage/app-storage';
import { openWayfinderDb } from '../../../src/storage/db';
import { twoEditions, welcomeJourney, welcomeLookingBack } from './journeys';

const BASE = 'http://backend.test/api';
const state = createMockBackendState(() => new Date('2025-03-01T10:00:00.000Z'));
const server = setupServer(...createBackendHandlers(state, BASE));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  useDatabaseForTests(openWayfinderDb(`publish-${Math.random()}`));
  saveBackendSettings({ baseUrl: BASE, token: '', remember: false });
  // The back-off's jitter at its smallest keeps the automatic retries short.
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  state.reset();
  localStorage.clear();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

function renderButton(document: JourneyDocument, diagnostics: Diagnostic[] = validate(document)) {
  const onBackendDiagnostics = vi.fn<(d: Diagnostic[]) => void>();
  const onShowStep = vi.fn<(stepId: string) => void>();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <PublishButton
        document={document}
        diagnostics={diagnostics}
        onBackendDiagnostics={onBackendDiagnostics}
        onShowStep={onShowStep}
      />
    </QueryClientProvider>,
  );
  return { onBackendDiagnostics, onShowStep, user: userEvent.setup() };
}

function publishDirectly(document: JourneyDocument) {
  const { spec } = compile(document, { version: state.versions(document.id).length + 1 });
  if (spec === null) throw new Error('does not compile');
  return state.publish(`seed-${Math.random()}`, document.id, spec);
}

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Publish' }));
  return screen.findByRole('dialog', { name: /^Publish/ });
}

describe('PublishButton', () => {
  it('is disabled, with the reason, while the journey has errors', () => {
    const doc = welcomeJourney();
    renderButton(doc, [
      { severity: 'error', code: 'no-trigger', message: 'No trigger', params: {} },
    ]);
    const button = screen.getByRole('button', { name: 'Publish' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Fix 1 error to publish.');
  });

  it('lists what changed since the last version and the new hash, then publishes', async () => {
    const { before, after } = twoEditions();
    publishDirectly(before);
    const { user } = renderButton(after);
    const dialog = await openDialog(user);
    expect(await within(dialog).findByText('Changes since version 1:')).toBeVisible();
    expect(within(dialog).getByRole('list', { name: 'Steps added' })).toHaveTextContent('New exit');
    expect(within(dialog).getByRole('list', { name: 'Steps removed' })).toHaveTextContent(
      'Legacy exit',
    );
    expect(within(dialog).getByRole('list', { name: 'Steps changed' })).toHaveTextContent(
      'Wait 2 days',
    );
    expect(within(dialog).getByRole('list', { name: 'Settings changed' })).toHaveTextContent(
      'controlGroupPercent',
    );
    const hash = within(dialog).getByLabelText('New spec hash').textContent;
    expect(hash).toMatch(/^[0-9a-f]{14}$/);

    await user.click(within(dialog).getByRole('button', { name: 'Publish version 2' }));
    expect(await within(dialog).findByText(/Published version 2\./)).toBeVisible();
    expect(state.versions('j-welcome').at(-1)?.specHash).toBe(hash);
    await waitFor(async () =>
      expect((await localPublishedVersions('j-welcome')).map((v) => v.version)).toEqual([2]),
    );
    expect(within(dialog).getByRole('list', { name: 'Versions' })).toHaveTextContent('Version 2');
  });

  it('refuses to publish when nothing changed since the last version', async () => {
    const doc = welcomeJourney();
    publishDirectly(doc);
    const { user } = renderButton(doc);
    const dialog = await openDialog(user);
    expect(await within(dialog).findByText('Nothing changed since version 1.')).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Publish version 2' })).toBeDisabled();
  });

  it('hands backend validation errors back as diagnostics on their steps', async () => {
    state.setFaults({ rejectStep: 'welcome-email' });
    const { user, onBackendDiagnostics } = renderButton(welcomeJourney());
    const dialog = await openDialog(user);
    await user.click(await within(dialog).findByRole('button', { name: 'Publish version 1' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'The backend rejected the spec. The backend said: “The spec is not valid.”',
    );
    expect(within(alert).getByRole('list')).toHaveTextContent(
      'Welcome email: The execution backend cannot run this step.',
    );
    expect(onBackendDiagnostics).toHaveBeenCalledWith([
      {
        severity: 'error',
        code: 'backend:unsupported-step',
        message: 'The execution backend cannot run this step.',
        stepId: 'welcome-email',
      },
    ]);
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('marks each backend error as an error, with its step a button that shows it on the canvas', async () => {
    state.setFaults({ rejectStep: 'welcome-email' });
    const { user, onShowStep } = renderButton(welcomeJourney());
    const dialog = await openDialog(user);
    await user.click(await within(dialog).findByRole('button', { name: 'Publish version 1' }));
    const alert = await within(dialog).findByRole('alert');
    const problem = within(
      within(alert).getByRole('list', { name: 'Problems found by the backend' }),
    ).getByRole('listitem');
    expect(within(problem).getByText('Error')).toHaveClass('badge-error');
    expect(within(problem).queryByText('Warning')).toBeNull();
    await user.click(within(problem).getByRole('button', { name: 'Welcome email' }));
    expect(onShowStep).toHaveBeenCalledWith('welcome-email');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says it published, then lists what the backend warned of on its step, as a warning', async () => {
    const { user, onBackendDiagnostics, onShowStep } = renderButton(welcomeLookingBack(450));
    const dialog = await openDialog(user);
    await user.click(await within(dialog).findByRole('button', { name: 'Publish version 1' }));
    expect(await within(dialog).findByText(/Published version 1\./)).toBeVisible();
    expect(state.versions('j-welcome')).toHaveLength(1);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    const warnings = within(dialog).getByRole('region', { name: '1 warning from the backend' });
    const warning = within(within(warnings).getByRole('list')).getByRole('listitem');
    expect(within(warning).getByText('Warning')).toHaveClass('badge-warning');
    expect(within(warning).queryByText('Error')).toBeNull();
    expect(warning).toHaveTextContent(
      'Ordered yet?: Counts events over the last 450 days, but the backend keeps events for 400 days',
    );
    expect(warnings).toHaveTextContent('The version is published and runs as it is.');
    // On the canvas too: the step's badge and the problems panel show it as a warning.
    expect(onBackendDiagnostics).toHaveBeenCalledExactlyOnceWith([
      expect.objectContaining({
        severity: 'warning',
        code: 'look-back-beyond-retention',
        stepId: 'ordered-yet',
        params: { lookBackDays: 450, retentionDays: 400 },
      }),
    ]);
    await user.click(within(warning).getByRole('button', { name: 'Ordered yet?' }));
    expect(onShowStep).toHaveBeenCalledWith('ordered-yet');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('checks the draft with the backend before publishing, listing its errors and warnings on their steps', async () => {
    const { user, onShowStep } = renderButton(welcomeLookingBack(450));
    const dialog = await openDialog(user);
    const check = await within(dialog).findByRole('button', { name: 'Check with the backend' });
    await user.click(check);
    expect(
      await within(dialog).findByText('The backend would publish this version, with 1 warning.'),
    ).toBeVisible();
    const warning = within(
      within(dialog).getByRole('list', { name: 'Found by the backend' }),
    ).getByRole('listitem');
    expect(within(warning).getByText('Warning')).toHaveClass('badge-warning');
    expect(warning).toHaveTextContent('Ordered yet?: Counts events over the last 450 days');

    state.setFaults({ rejectStep: 'welcome-email' });
    await user.click(check);
    expect(
      await within(dialog).findByText('The backend would refuse this version for 1 error.'),
    ).toBeVisible();
    const [error, stillWarned] = within(
      within(dialog).getByRole('list', { name: 'Found by the backend' }),
    ).getAllByRole('listitem');
    expect(within(error as HTMLElement).getByText('Error')).toHaveClass('badge-error');
    expect(within(stillWarned as HTMLElement).getByText('Warning')).toHaveClass('badge-warning');
    expect(state.versions('j-welcome')).toHaveLength(0);
    await user.click(within(error as HTMLElement).getByRole('button', { name: 'Welcome email' }));
    expect(onShowStep).toHaveBeenCalledWith('welcome-email');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lists no warnings when the backend warned of nothing', async () => {
    const { user, onBackendDiagnostics } = renderButton(welcomeLookingBack(400));
    const dialog = await openDialog(user);
    await user.click(await within(dialog).findByRole('button', { name: 'Publish version 1' }));
    expect(await within(dialog).findByText(/Published version 1\./)).toBeVisible();
    expect(within(dialog).queryByRole('region', { name: /warning/ })).toBeNull();
    expect(onBackendDiagnostics).toHaveBeenCalledExactlyOnceWith([]);
  });

  it('clears the errors a refused publish put on the canvas when a later publish goes through', async () => {
    state.setFaults({ rejectStep: 'welcome-email' });
    const { user, onBackendDiagnostics } = renderButton(welcomeJourney());
    const dialog = await openDialog(user);
    const publish = await within(dialog).findByRole('button', { name: 'Publish version 1' });
    await user.click(publish);
    await within(dialog).findByRole('alert');
    expect(onBackendDiagnostics).toHaveBeenLastCalledWith([
      expect.objectContaining({ severity: 'error', stepId: 'welcome-email' }),
    ]);

    state.setFaults({ rejectStep: null });
    await user.click(publish);
    expect(await within(dialog).findByText(/Published version 1\./)).toBeVisible();
    expect(onBackendDiagnostics).toHaveBeenLastCalledWith([]);
  });

  it('says so when offline, sends nothing by itself at reconnect, and publishes on Retry', async () => {
    const { user } = renderButton(welcomeJourney());
    const dialog = await openDialog(user);
    const publish = await within(dialog).findByRole('button', { name: 'Publish version 1' });
    await waitFor(() => expect(publish).toBeEnabled());
    // The connection drops between the check and the click: the request fails at once.
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await user.click(publish);
    const failure = await within(dialog).findByText(
      'You are offline. Check your connection, then retry.',
    );
    expect(within(dialog).getByText(/You are offline\. Nothing is sent until/)).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Retry' })).toBeDisabled();
    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    // Back online, nothing goes out until the user asks.
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Retry' })).toBeEnabled(),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state.log.filter((r) => r.method === 'POST')).toEqual([]);
    expect(failure).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByText(/Published version 1\./)).toBeVisible();
    expect(state.log.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('disables Publish while offline, saying why', async () => {
    const { user } = renderButton(welcomeJourney());
    const dialog = await openDialog(user);
    const publish = await within(dialog).findByRole('button', { name: 'Publish version 1' });
    await waitFor(() => expect(publish).toBeEnabled());
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(publish).toBeDisabled();
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'You are offline. Nothing is sent until you are back online and press Publish.',
    );
    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(publish).toBeEnabled();
  });

  it('keeps the idempotency key when the user retries after the automatic retries ran out', async () => {
    const { user } = renderButton(welcomeJourney());
    const dialog = await openDialog(user);
    const publish = await within(dialog).findByRole('button', { name: 'Publish version 1' });
    await waitFor(() => expect(publish).toBeEnabled());
    state.setFaults({ failNext: 4, status: 503 });
    await user.click(publish);
    expect(await within(dialog).findByText(/Retrying… attempt 2 of 4/)).toBeVisible();
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The backend failed (HTTP 503)');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByText(/Published version 1\./)).toBeVisible();
    const posts = state.log.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([503, 503, 503, 503, 201]);
    expect(new Set(posts.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(state.versions('j-welcome')).toHaveLength(1);
  });

  it('keeps the key of a timed-out publish through Cancel and a reload, so it publishes once', async () => {
    // Every request gets this long, the answered ones too: 1 s was not always enough for one on
    // a loaded CI machine.
    saveBackendSettings({ baseUrl: BASE, token: '', remember: false, timeoutSeconds: 3 });
    const first = renderButton(welcomeJourney());
    let dialog = await openDialog(first.user);
    expect(dialog).toHaveTextContent('Requests stop with a message after 3 s without an answer');
    const publish = await within(dialog).findByRole('button', { name: 'Publish version 1' });
    await waitFor(() => expect(publish).toBeEnabled());
    state.setFaults({ hangNext: 1 });
    await first.user.click(publish);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/did not answer within 3 s/);
    await first.user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    // A reload: everything in memory is gone, only storage is left.
    cleanup();
    const second = renderButton(welcomeJourney());
    dialog = await openDialog(second.user);
    expect(await within(dialog).findByText(/has no answer yet/)).toBeVisible();
    const again = await within(dialog).findByRole('button', { name: 'Publish version 1' });
    await waitFor(() => expect(again).toBeEnabled());
    await second.user.click(again);
    expect(await within(dialog).findByText(/Published version 1\./)).toBeVisible();
    const posts = state.log.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([0, 201]);
    expect(new Set(posts.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(state.versions('j-welcome')).toHaveLength(1);
    expect(within(dialog).queryByText(/has no answer yet/)).not.toBeInTheDocument();
  });

  it('starts a new key once the user abandons the pending publish', async () => {
    saveBackendSettings({ baseUrl: BASE, token: '', remember: false, timeoutSeconds: 3 });
    const { user } = renderButton(welcomeJourney());
    const dialog = await openDialog(user);
    const publish = await within(dialog).findByRole('button', { name: 'Publish version 1' });
    await waitFor(() => expect(publish).toBeEnabled());
    state.setFaults({ hangNext: 1 });
    await user.click(publish);
    await within(dialog).findByRole('alert');
    await user.click(within(dialog).getByRole('button', { name: 'Abandon it' }));
    await user.click(within(dialog).getByRole('button', { name: 'Publish version 1' }));
    expect(await within(dialog).findByText(/Published version 1\./)).toBeVisible();
    const keys = state.log.filter((r) => r.method === 'POST').map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
  });
});
