// @vitest-environment jsdom
import '../../setup/dom-setup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackendHandlers } from '../../../mocks/backend-handlers';
import { createMockBackendState } from '../../../mocks/mock-backend-state';
import { getBackendSettings, saveBackendSettings } from '../../../src/api/backend-settings';
import { validate } from '../../../src/domain/index';
import { PublishButton } from '../../../src/features/publish/publish-button';
import { exportSpec, exportSpecSchema } from '../../../src/features/publish/spec-export';
import { useDatabaseForTests } from '../../../src/storage/app-storage';
import { openWayfinderDb } from '../../../src/storage/db';
import { saveJourney } from '../../../src/storage/journey-documents';
import { welcomeJourney } from './journeys';

const BASE = 'http://backend.test/api';
const TOKEN = 'tok_live_5f1c9e0d7a';
const state = createMockBackendState();
const server = setupServer(...createBackendHandlers(state, BASE));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the access token', () => {
  it('stays in sessionStorage unless remembered, and leaves the other store', () => {
    saveBackendSettings({ baseUrl: BASE, token: TOKEN, remember: false });
    expect(sessionStorage.getItem('wayfinder.backend.token')).toBe(TOKEN);
    expect(JSON.stringify({ ...localStorage })).not.toContain(TOKEN);
    saveBackendSettings({ baseUrl: BASE, token: TOKEN, remember: true });
    expect(localStorage.getItem('wayfinder.backend.token')).toBe(TOKEN);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(TOKEN);
    expect(getBackendSettings()).toEqual({
      baseUrl: BASE,
      token: TOKEN,
      remember: true,
      timeoutSeconds: 30,
    });
    saveBackendSettings({ baseUrl: '', token: '', remember: true });
    expect(getBackendSettings()).toEqual({
      baseUrl: '/api',
      token: '',
      remember: false,
      timeoutSeconds: 30,
    });
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('is sent to the backend but never written to IndexedDB, exports or the console', async () => {
    const db = openWayfinderDb(`token-${Math.random()}`);
    useDatabaseForTests(db);
    saveBackendSettings({ baseUrl: BASE, token: TOKEN, remember: false });
    state.setFaults({ requireToken: TOKEN });
    const logged = vi.fn();
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation(logged);
    }
    const doc = welcomeJourney();
    await saveJourney(doc);
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <PublishButton document={doc} diagnostics={validate(doc)} />
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(await within(dialog).findByRole('button', { name: 'Publish version 1' }));
    expect(await within(dialog).findByText(/Published version 1\./)).toBeVisible();
    await waitFor(async () => expect(await db.publishedVersions.count()).toBe(1));

    const stored = await Promise.all(db.tables.map((t) => t.toArray()));
    expect(JSON.stringify(stored)).toContain('welcome-email');
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    const exported = exportSpec(doc);
    expect(exported.ok && exported.text).toContain('welcome-email');
    expect(exported.ok && exported.text).not.toContain(TOKEN);
    expect(exportSpecSchema().text).not.toContain(TOKEN);
    expect(JSON.stringify(logged.mock.calls)).not.toContain(TOKEN);
    vi.restoreAllMocks();
    await db.delete();
  });
});
