// @vitest-environment jsdom
import '../../setup/dom-setup';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveBackendSettings } from '../../../src/api/backend-settings';
import { compile } from '../../../src/domain/index';
import { BackendCheck } from '../../../src/features/publish/backend-check';
import { welcomeJourney } from './journeys';

const BASE = 'http://backend.test/api';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => saveBackendSettings({ baseUrl: BASE, token: '', remember: false }));
afterEach(() => {
  server.resetHandlers();
  localStorage.clear();
});
afterAll(() => server.close());

const lookBackWarning = {
  stepId: 'ordered-yet',
  field: 'condition.rules.0.withinDays',
  code: 'look-back-beyond-retention',
  message: 'Step ordered-yet counts events over the last 450 days…',
  params: { lookBackDays: 450, retentionDays: 400 },
};

/** The backend answers /specs/validate with `status` and `body`. */
function answerValidate(status: number, body: JsonBodyType) {
  server.use(http.post(`${BASE}/specs/validate`, () => HttpResponse.json(body, { status })));
}

function renderCheck() {
  const document = welcomeJourney();
  const { spec } = compile(document, { version: 1 });
  if (spec === null) throw new Error('does not compile');
  const onShowStep = vi.fn<(stepId: string) => void>();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <BackendCheck spec={spec} steps={document.steps} onShowStep={onShowStep} disabled={false} />
    </QueryClientProvider>,
  );
  return { onShowStep, user: userEvent.setup() };
}

describe('BackendCheck', () => {
  it('says the backend would refuse a spec it calls invalid, even with no error named', async () => {
    answerValidate(200, { valid: false, errors: [] });
    const { user } = renderCheck();
    await user.click(screen.getByRole('button', { name: 'Check with the backend' }));
    const verdict = await screen.findByText(/would refuse/);
    expect(verdict).toHaveTextContent(
      'The backend would refuse this version, without naming an error.',
    );
    expect(screen.queryByText(/would publish/)).toBeNull();
  });

  it('says it would refuse a spec it calls invalid, and lists the warnings it gives', async () => {
    answerValidate(200, { valid: false, errors: [], warnings: [lookBackWarning] });
    const { user } = renderCheck();
    await user.click(screen.getByRole('button', { name: 'Check with the backend' }));
    expect(await screen.findByText(/would refuse/)).toHaveTextContent(
      'The backend would refuse this version, without naming an error, and warns of 1 problem.',
    );
    expect(screen.queryByText(/would publish/)).toBeNull();
    const item = within(screen.getByRole('list', { name: 'Found by the backend' })).getByRole(
      'listitem',
    );
    expect(within(item).getByText('Warning')).toHaveClass('badge-warning');
    expect(within(item).getByRole('button', { name: 'Ordered yet?' })).toBeVisible();
  });

  it('lists the details of an error answer on their steps, each a button that shows its step', async () => {
    answerValidate(422, {
      error: {
        code: 'invalid-spec',
        message: 'The spec is not valid.',
        details: [
          {
            stepId: 'welcome-email',
            code: 'backend:unsupported-step',
            message: 'The execution backend cannot run this step.',
          },
        ],
      },
    });
    const { user, onShowStep } = renderCheck();
    await user.click(screen.getByRole('button', { name: 'Check with the backend' }));
    const alert = await screen.findByRole('alert');
    const item = within(
      within(alert).getByRole('list', { name: 'Problems found by the backend' }),
    ).getByRole('listitem');
    expect(within(item).getByText('Error')).toHaveClass('badge-error');
    await user.click(within(item).getByRole('button', { name: 'Welcome email' }));
    expect(onShowStep).toHaveBeenCalledWith('welcome-email');
  });

  it('keeps focus on Check while checking, ignores clicks then, and says so in one lasting status', async () => {
    let requests = 0;
    let answer: () => void = () => {};
    server.use(
      http.post(`${BASE}/specs/validate`, async () => {
        requests += 1;
        await new Promise<void>((resolve) => {
          answer = resolve;
        });
        return HttpResponse.json({ valid: true, errors: [] });
      }),
    );
    const { user } = renderCheck();
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    const check = screen.getByRole('button', { name: 'Check with the backend' });
    await user.click(check);
    await waitFor(() => expect(check).toHaveAttribute('aria-disabled', 'true'));
    expect(check).toHaveFocus();
    expect(check).toBeEnabled();
    expect(status).not.toBeEmptyDOMElement();
    await waitFor(() => expect(requests).toBe(1));
    await user.click(check);
    answer();
    await waitFor(() => expect(check).not.toHaveAttribute('aria-disabled'));
    expect(check).toHaveFocus();
    expect(screen.getByRole('status')).toBe(status);
    expect(status).toHaveTextContent(/would publish/);
    expect(requests).toBe(1);
  });
});
