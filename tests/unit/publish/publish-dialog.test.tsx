// @vitest-environment jsdom
import '../../setup/dom-setup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
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
import { twoEditions, welcomeJourney } from './journeys';

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
  vi.restoreAllMocks();
});
afterAll(() => server.close());

function renderButton(document: JourneyDocument, diagnostics: Diagnostic[] = validate(document)) {
  const onBackendErrors = vi.fn<(d: Diagnostic[]) => void>();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <PublishButton
        document={document}
        diagnostics={diagnostics}
        onBackendErrors={onBackendErrors}
      />
    </QueryClientProvider>,
  );
  return { onBackendErrors, user: userEvent.setup() };
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
    renderButton(doc, [{ severity: 'error', code: 'no-trigger', message: 'No trigger' }]);
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
    const { user, onBackendErrors } = renderButton(welcomeJourney());
    const dialog = await openDialog(user);
    await user.click(await within(dialog).findByRole('button', { name: 'Publish version 1' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The backend rejected the spec: The spec is not valid.');
    expect(within(alert).getByRole('list')).toHaveTextContent(
      'Welcome email: The execution backend cannot run this step.',
    );
    expect(onBackendErrors).toHaveBeenCalledWith([
      {
        severity: 'error',
        code: 'backend:unsupported-step',
        message: 'The execution backend cannot run this step.',
        stepId: 'welcome-email',
      },
    ]);
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('says so when offline and publishes on Retry once back online', async () => {
    const { user } = renderButton(welcomeJourney());
    const dialog = await openDialog(user);
    const publish = await within(dialog).findByRole('button', { name: 'Publish version 1' });
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await user.click(publish);
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('You are offline. Check your connection, then retry.');
    expect(state.log.filter((r) => r.method === 'POST')).toEqual([]);
    onLine.mockReturnValue(true);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByText(/Published version 1\./)).toBeVisible();
  });

  it('keeps the idempotency key when the user retries after the automatic retries ran out', async () => {
    const { user } = renderButton(welcomeJourney());
    const dialog = await openDialog(user);
    const publish = await within(dialog).findByRole('button', { name: 'Publish version 1' });
    await waitFor(() => expect(publish).toBeEnabled());
    state.setFaults({ failNext: 4, status: 503 });
    await user.click(publish);
    expect(await within(dialog).findByText(/Retrying… attempt 2 of 4/)).toBeVisible();
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('The backend failed (HTTP 503)');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByText(/Published version 1\./)).toBeVisible();
    const posts = state.log.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([503, 503, 503, 503, 201]);
    expect(new Set(posts.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(state.versions('j-welcome')).toHaveLength(1);
  });
});
