// @vitest-environment jsdom
import '../../setup/dom-setup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBackendHandlers } from '../../../mocks/backend-handlers';
import { createMockBackendState } from '../../../mocks/mock-backend-state';
import { saveBackendSettings } from '../../../src/api/backend-settings';
import { compile, validate, type JourneyDocument } from '../../../src/domain/index';
import { PublishButton } from '../../../src/features/publish/publish-button';
import { useDatabaseForTests } from '../../../src/storage/app-storage';
import { openWayfinderDb } from '../../../src/storage/db';
import { welcomeJourney } from './journeys';

const BASE = 'http://backend.test/api';
const state = createMockBackendState(() => new Date('2025-03-01T10:00:00.000Z'));
const server = setupServer(...createBackendHandlers(state, BASE));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  useDatabaseForTests(openWayfinderDb(`stop-${Math.random()}`));
  saveBackendSettings({ baseUrl: BASE, token: '', remember: false });
});
afterEach(() => {
  server.resetHandlers();
  state.reset();
  localStorage.clear();
});
afterAll(() => server.close());

function publishDirectly(document: JourneyDocument) {
  const { spec } = compile(document, { version: state.versions(document.id).length + 1 });
  if (spec === null) throw new Error('does not compile');
  return state.publish(`seed-${Math.random()}`, document.id, spec);
}

async function openPublishDialog(document: JourneyDocument) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <PublishButton document={document} diagnostics={validate(document)} />
    </QueryClientProvider>,
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Publish' }));
  return { user, dialog: await screen.findByRole('dialog', { name: /^Publish/ }) };
}

describe('Stop journey, where publishing lives', () => {
  it('is not offered for a journey never published', async () => {
    const { dialog } = await openPublishDialog(welcomeJourney());
    await within(dialog).findByRole('button', { name: /Publish version 1/ });
    expect(within(dialog).queryByRole('button', { name: 'Stop journey' })).toBeNull();
  });

  it('stops a live journey only after a confirmation, then says it is stopped', async () => {
    const doc = welcomeJourney();
    publishDirectly(doc);
    const { user, dialog } = await openPublishDialog(doc);
    await user.click(await within(dialog).findByRole('button', { name: 'Stop journey' }));
    const confirm = await screen.findByRole('dialog', { name: `Stop “${doc.name}”?` });
    expect(confirm).toHaveTextContent('From now on no one enters it');
    // Cancel stops nothing.
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(state.stoppedAt(doc.id)).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Stop journey' }));
    const again = await screen.findByRole('dialog', { name: `Stop “${doc.name}”?` });
    await user.click(within(again).getByRole('button', { name: 'Stop journey' }));
    expect(
      await within(dialog).findByText(/This journey was stopped on .* no one enters it/),
    ).toBeVisible();
    expect(state.stoppedAt(doc.id)).toBe('2025-03-01T10:00:00.000Z');
    expect(within(dialog).queryByRole('button', { name: 'Stop journey' })).toBeNull();
    // Nothing changed since version 1, yet publishing it again is how it starts again.
    expect(await within(dialog).findByRole('button', { name: 'Publish version 2' })).toBeEnabled();
  });

  it('says why when the backend refuses, and keeps the action', async () => {
    const doc = welcomeJourney();
    publishDirectly(doc);
    server.use(
      http.post(`${BASE}/journeys/:journeyId/stop`, () =>
        HttpResponse.json(
          { error: { code: 'unauthorized', message: 'A valid access token is required.' } },
          { status: 401 },
        ),
      ),
    );
    const { user, dialog } = await openPublishDialog(doc);
    await user.click(await within(dialog).findByRole('button', { name: 'Stop journey' }));
    const confirm = await screen.findByRole('dialog', { name: `Stop “${doc.name}”?` });
    await user.click(within(confirm).getByRole('button', { name: 'Stop journey' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /^The journey was not stopped\. /,
    );
    expect(state.stoppedAt(doc.id)).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Stop journey' })).toBeEnabled();
  });
});
