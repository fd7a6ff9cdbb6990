// @vitest-environment jsdom
import '../../setup/dom-setup';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBackendHandlers } from '../../../mocks/backend-handlers';
import { createLiveHandlers } from '../../../mocks/live-handlers';
import { createMockBackendState } from '../../../mocks/mock-backend-state';
import { API_VERSION } from '../../../src/api/executor-contract';
import { BackendSettingsDialog } from '../../../src/features/publish/backend-settings-dialog';

const BASE = 'http://executor.test';
const state = createMockBackendState();
const server = setupServer(
  ...createLiveHandlers(state, BASE),
  ...createBackendHandlers(state, BASE),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  state.reset();
  localStorage.clear();
  sessionStorage.clear();
});
afterAll(() => server.close());

async function checkWith(url: string, token: string) {
  const user = userEvent.setup();
  render(<BackendSettingsDialog open onOpenChange={() => undefined} />);
  // The dialog's frame loads on demand.
  const urlBox = await screen.findByRole('textbox', { name: 'Backend URL' });
  await user.clear(urlBox);
  await user.type(urlBox, url);
  if (token !== '') await user.type(screen.getByLabelText('Access token'), token);
  await user.click(screen.getByRole('button', { name: 'Check connection' }));
  return user;
}

describe('Backend settings: Check connection', () => {
  it('says the typed backend is reachable, its API version, and that the token is accepted', async () => {
    state.setFaults({ requireToken: 'secret' });
    await checkWith(BASE, 'secret');
    const result = await screen.findByText('Token accepted.');
    const status = result.closest('[role="status"]') as HTMLElement;
    expect(within(status).getByText('Reachable.')).toBeVisible();
    expect(
      within(status).getByText(`Speaks API ${API_VERSION} (this app speaks ${API_VERSION}).`),
    ).toBeVisible();
  });

  it('says when the token is refused, before anything is saved', async () => {
    state.setFaults({ requireToken: 'secret' });
    await checkWith(BASE, 'wrong');
    expect(await screen.findByText(/Token refused/)).toBeVisible();
    expect(localStorage.getItem('wayfinder.backend.baseUrl')).toBeNull();
  });

  it('says when nothing answers', async () => {
    server.use(http.get('http://down.test/health', () => HttpResponse.error()));
    await checkWith('http://down.test', '');
    expect(await screen.findByText(/^Not reachable/)).toBeVisible();
  });

  it.each([500, 502, 503])(
    'says the backend answered with an error when /health answers %i, not that it is no backend',
    async (status) => {
      server.use(
        http.get('http://failing.test/health', () =>
          HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status }),
        ),
      );
      await checkWith('http://failing.test', '');
      expect(
        await screen.findByText(
          `The backend answered with an error (HTTP ${status}); it may be down.`,
        ),
      ).toBeVisible();
      expect(screen.queryByText(/not a Wayfinder backend/)).not.toBeInTheDocument();
    },
  );

  it('still says a backend without /health (404) is not a Wayfinder backend', async () => {
    server.use(http.get('http://other.test/health', () => new HttpResponse(null, { status: 404 })));
    await checkWith('http://other.test', '');
    expect(await screen.findByText(/not a Wayfinder backend/)).toBeVisible();
  });
});
