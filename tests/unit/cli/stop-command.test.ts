import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { compile, TEMPLATES, sequentialIds } from '../../../src/domain/index.ts';
import { runCli } from '../../support/run-cli.ts';
import { BASE, useMockBackend } from '../api/backend-fixture.ts';

const { state, server } = useMockBackend();

const run = (argv: string[]) => runCli(argv);

function publishWelcome() {
  const template = TEMPLATES.find((t) => t.id === 'welcome-series');
  if (template === undefined) throw new Error('no welcome series');
  const document = { ...template.build(Date.parse('2025-01-01'), sequentialIds('s')), id: 'j-1' };
  const { spec } = compile(document, { version: 1 });
  if (spec === null) throw new Error('does not compile');
  state.publish('seed', 'j-1', spec);
}

describe('wayfinder stop', () => {
  it('stops a live journey, exit 0, and stopping again changes nothing', async () => {
    publishWelcome();
    const first = await run(['stop', 'j-1', '--backend', BASE]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(
      'j-1: stopped since 2025-03-01T10:00:00.000Z, 0 profiles still inside\n',
    );
    expect(state.stoppedAt('j-1')).toBe('2025-03-01T10:00:00.000Z');
    expect(await run(['stop', 'j-1', '--backend', `${BASE}/`])).toEqual(first);
  });

  it('reports a journey the backend does not have with its code, exit 1', async () => {
    const { code, stderr } = await run(['stop', 'nope', '--backend', BASE]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/refused to stop nope \(404, not-found: /);
  });

  it('says a backend it cannot reach is unreachable, not slow, exit 2', async () => {
    server.use(http.post(`${BASE}/journeys/:id/stop`, () => HttpResponse.error()));
    const { code, stderr } = await run(['stop', 'j-1', '--backend', BASE]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/could not reach the backend at http:\/\/backend\.test/);
    expect(stderr).toMatch(/may not be stopped \(stopping again is safe\)/);
    expect(stderr).not.toMatch(/did not answer within/);
  });

  it('sends the token from WAYFINDER_TOKEN, never from a flag', async () => {
    publishWelcome();
    let seen: string | null = null;
    server.use(
      http.post(`${BASE}/journeys/:id/stop`, ({ request }) => {
        seen = request.headers.get('Authorization');
        return HttpResponse.json(
          { error: { code: 'unauthorized', message: 'A valid access token is required.' } },
          { status: 401 },
        );
      }),
    );
    const before = process.env.WAYFINDER_TOKEN;
    process.env.WAYFINDER_TOKEN = 'secret-1';
    try {
      const { code, stderr } = await run(['stop', 'j-1', '--backend', BASE]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/401, unauthorized/);
      expect(stderr).not.toContain('secret-1');
    } finally {
      if (before === undefined) delete process.env.WAYFINDER_TOKEN;
      else process.env.WAYFINDER_TOKEN = before;
    }
    expect(seen).toBe('Bearer secret-1');
  });

  it('needs a journey and a backend URL, exit 2', async () => {
    expect((await run(['stop', 'j-1'])).code).toBe(2);
    expect((await run(['stop', '--backend', BASE])).code).toBe(2);
    expect((await run(['stop', 'j-1', '--backend', 'not a url'])).code).toBe(2);
  });
});
