import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../src/domain/contract/backend-contract.ts';
import { ExecutorClient } from './support/client.ts';
import { webhookJourney } from './support/journeys.ts';
import { startTestExecutor, type TestExecutor } from './support/test-executor.ts';

/**
 * The executor's answers off the happy path, held to docs/openapi.json: every hostile request
 * gets a status the document lists for its operation, in the error shape, never a 5XX, and a
 * body the contract does not describe is refused rather than silently trimmed.
 */
const T0 = Date.UTC(2026, 4, 4, 10);

type Operation = { responses: Record<string, unknown> };
const openapi = JSON.parse(
  readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'),
) as { paths: Record<string, Record<string, Operation>> };

/** The statuses docs/openapi.json lists for an operation, e.g. ['200', '401', '404', '429', '5XX']. */
function documentedStatuses(method: string, template: string): string[] {
  const operation = openapi.paths[template]?.[method.toLowerCase()];
  if (operation === undefined) throw new Error(`${method} ${template} is not in openapi.json`);
  return Object.keys(operation.responses);
}

let running: TestExecutor;
let api: ExecutorClient;

beforeAll(async () => {
  running = await startTestExecutor({ name: 'api-errors', at: T0 });
  api = running.api;
  const published = await api.publish(
    'hostile',
    withId(webhookJourney('http://127.0.0.1:9/h')),
    'k',
  );
  expect(published.status).toBe(201);
});

afterAll(async () => {
  await running?.stop();
});

function withId(spec: ReturnType<typeof webhookJourney>, id = 'hostile') {
  return { ...spec, journey: { ...spec.journey, id } };
}

/** Sends raw text (or nothing) with the given headers, and reads the answer as JSON. */
async function raw(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${running.executor.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

const json = { 'Content-Type': 'application/json' };
const bigEvents = JSON.stringify({
  events: Array.from({ length: 1000 }, (_, i) => ({
    id: `big-${i}`,
    profileId: 'p',
    name: 'viewed',
    at: T0,
    props: { note: 'x'.repeat(6000) },
  })),
});

/** [what, method, path template, path, body, headers, expected status]. */
const HOSTILE: [
  string,
  string,
  string,
  string,
  string | undefined,
  Record<string, string>,
  number,
][] = [
  [
    'a version that is a word',
    'GET',
    '/journeys/{journeyId}/versions/{version}',
    '/journeys/hostile/versions/abc',
    undefined,
    {},
    404,
  ],
  [
    'a fractional version',
    'GET',
    '/journeys/{journeyId}/versions/{version}',
    '/journeys/hostile/versions/1.5',
    undefined,
    {},
    404,
  ],
  [
    'a version past 2^31',
    'GET',
    '/journeys/{journeyId}/versions/{version}',
    '/journeys/hostile/versions/99999999999',
    undefined,
    {},
    404,
  ],
  [
    'version 0',
    'GET',
    '/journeys/{journeyId}/versions/{version}',
    '/journeys/hostile/versions/0',
    undefined,
    {},
    404,
  ],
  [
    'counts of a version that is a word',
    'GET',
    '/journeys/{journeyId}/versions/{version}/counts',
    '/journeys/hostile/versions/abc/counts',
    undefined,
    {},
    404,
  ],
  [
    'counts of a version past 2^31',
    'GET',
    '/journeys/{journeyId}/versions/{version}/counts',
    '/journeys/hostile/versions/99999999999/counts',
    undefined,
    {},
    404,
  ],
  [
    'a publish that is not JSON',
    'POST',
    '/journeys/{journeyId}/versions',
    '/journeys/hostile/versions',
    '{"spec":',
    { ...json, 'Idempotency-Key': 'nj' },
    400,
  ],
  [
    'a publish of an array',
    'POST',
    '/journeys/{journeyId}/versions',
    '/journeys/hostile/versions',
    '[]',
    { ...json, 'Idempotency-Key': 'arr' },
    400,
  ],
  [
    'a publish without a key',
    'POST',
    '/journeys/{journeyId}/versions',
    '/journeys/hostile/versions',
    '{"spec":{}}',
    json,
    400,
  ],
  [
    'a publish as XML',
    'POST',
    '/journeys/{journeyId}/versions',
    '/journeys/hostile/versions',
    '<spec/>',
    { 'Content-Type': 'application/xml', 'Idempotency-Key': 'xml' },
    415,
  ],
  [
    'events as a form',
    'POST',
    '/events',
    '/events',
    'events=1',
    { 'Content-Type': 'application/x-www-form-urlencoded' },
    415,
  ],
  ['events over 5 MB', 'POST', '/events', '/events', bigEvents, json, 413],
  [
    'events with a __proto__ key',
    'POST',
    '/events',
    '/events',
    '{"events":[{"id":"e","profileId":"p","name":"n","at":1,"props":{"__proto__":{"x":1}}}]}',
    json,
    400,
  ],
  [
    '1,001 events',
    'POST',
    '/events',
    '/events',
    JSON.stringify({
      events: Array.from({ length: 1001 }, (_, i) => ({
        id: `e${i}`,
        profileId: 'p',
        name: 'n',
        at: 1,
      })),
    }),
    json,
    400,
  ],
  ['a profile that is not JSON', 'PUT', '/profiles/{profileId}', '/profiles/p', 'nope', json, 400],
  ['a clock set to a word', 'POST', '/admin/clock', '/admin/clock', '{"to":"soon"}', json, 400],
  [
    'a frequency cap of the wrong shape',
    'PUT',
    '/settings/frequency-cap',
    '/settings/frequency-cap',
    '{"enabled":"yes"}',
    json,
    400,
  ],
  ['a validation without a spec', 'POST', '/specs/validate', '/specs/validate', '{}', json, 400],
];

describe('the HTTP API off the happy path', () => {
  it.each(HOSTILE)(
    'answers %s with a status docs/openapi.json lists, in the error shape',
    async (_what, method, template, path, body, headers, expected) => {
      const answer = await raw(method, path, body, headers);
      expect(answer.status).toBe(expected);
      expect(documentedStatuses(method, template)).toContain(String(answer.status));
      expect(apiErrorSchema.strict().safeParse(answer.body).success).toBe(true);
    },
  );

  it('refuses to set the test clock back once anything is stored: 409 clock-backwards, the clock unchanged', async () => {
    const { now } = await api.ok<{ now: string }>('GET', '/health');
    const back = await api.call('POST', '/admin/clock', { to: Date.parse(now) - 60_000 });
    expect(back.status).toBe(409);
    expect(documentedStatuses('POST', '/admin/clock')).toContain('409');
    expect(apiErrorSchema.strict().safeParse(back.body).success).toBe(true);
    expect(back.body).toMatchObject({ error: { code: 'clock-backwards' } });
    expect(await api.ok('GET', '/health')).toMatchObject({ now });
    // The same instant, and any later one, still set it.
    expect((await api.call('POST', '/admin/clock', { to: Date.parse(now) })).status).toBe(200);
  });

  it('refuses a spec from a newer format, and fields this format does not have, naming them; validation says the same', async () => {
    const spec = withId(webhookJourney('http://127.0.0.1:9/h'), 'newer');
    const newer = await api.publish('newer', { ...spec, specVersion: '2.0' }, 'newer-format');
    expect(newer.status).toBe(422);
    expect(newer.body).toMatchObject({
      error: {
        code: 'invalid-spec',
        details: [{ field: 'specVersion', code: 'spec-version-unsupported' }],
      },
    });
    // A newer Wayfinder's step option and setting: dropped without a word before, so the
    // journey ran without what its author set.
    const steps = spec.steps as Record<string, Record<string, unknown>>;
    const extra = {
      ...spec,
      settings: { ...spec.settings, sendWindow: 'business-hours' },
      steps: { ...steps, d: { ...steps['d'], jitterMinutes: 30 } },
    };
    const refused = await api.publish('newer', extra, 'extra-fields');
    expect(refused.status).toBe(422);
    // The client types a body as its success shape; a refusal's is the API's error body.
    const details = (
      refused.body as unknown as { error: { details: { field: string; code: string }[] } }
    ).error.details;
    expect(details.map((d) => [d.field, d.code])).toEqual([
      ['settings.sendWindow', 'unknown-field'],
      ['steps.d.jitterMinutes', 'unknown-field'],
    ]);
    const checked = await api.ok<{ valid: boolean; errors: { code: string }[] }>(
      'POST',
      '/specs/validate',
      { spec: extra },
    );
    expect(checked.valid).toBe(false);
    expect(checked.errors.map((e) => e.code)).toEqual(['unknown-field', 'unknown-field']);
    expect(await api.call('GET', '/journeys/newer/versions')).toMatchObject({
      body: { versions: [] },
    });
    // The same spec without them publishes.
    expect((await api.publish('newer', spec, 'plain')).status).toBe(201);
  });

  it('refuses a spec compiled without --version (a content hash) with 422 on journey.version, not 409', async () => {
    const spec = withId(webhookJourney('http://127.0.0.1:9/h'));
    const hashed = { ...spec, journey: { ...spec.journey, version: '06afe67bed34bc' } };
    const answer = await api.publish('hostile', hashed, 'hashed');
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      error: {
        code: 'invalid-spec',
        details: [
          {
            field: 'journey.version',
            code: 'version-not-a-number',
            message: expect.stringContaining('--version 2'),
          },
        ],
      },
    });
    const stale = await api.publish('hostile', spec, 'stale');
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'version-conflict' } } });
  });

  it('refuses an event id already used for another event, naming it and storing nothing of the batch; the same event again is a duplicate', async () => {
    const first = {
      id: 'order-1',
      profileId: 'ada',
      name: 'order_placed',
      at: T0,
      props: { amount: 5 },
    };
    expect(await api.ok('POST', '/events', { events: [first] })).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect(await api.ok('POST', '/events', { events: [first] })).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    // Another customer's event under the same id (ids made per customer, counters reset):
    // before, it was counted a duplicate and dropped without a word.
    const clash = await api.call('POST', '/events', {
      events: [
        { id: 'order-2', profileId: 'bob', name: 'order_placed', at: T0 },
        { ...first, profileId: 'bob' },
      ],
    });
    expect(clash.status).toBe(400);
    expect(clash.body).toMatchObject({
      error: {
        code: 'invalid-body',
        details: [
          {
            field: 'events.1.id',
            code: 'event-id-reused',
            message: expect.stringContaining('order-1'),
          },
        ],
      },
    });
    const again = await api.ok('POST', '/events', {
      events: [{ id: 'order-2', profileId: 'bob', name: 'order_placed', at: T0 }],
    });
    expect(again).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('refuses fields the contract does not have, naming them, and stores nothing', async () => {
    // Segment-style `properties` instead of `props`, and a profile's `firstName`: trimmed silently
    // before, so a journey's conditions on the order's amount never saw it.
    const event = await api.call('POST', '/events', {
      events: [
        {
          id: 'typo-1',
          profileId: 'typo',
          name: 'order_placed',
          at: T0,
          properties: { amount: 5 },
        },
      ],
    });
    expect(event.status).toBe(400);
    expect(event.body).toMatchObject({
      error: {
        code: 'invalid-body',
        details: [
          expect.objectContaining({
            field: 'events.0',
            message: expect.stringContaining('properties'),
          }),
        ],
      },
    });
    const profile = await api.call('PUT', '/profiles/typo', {
      attributes: {
        email: 'a@example.com',
        firstName: 'Ada',
        consent: { email: true, whatsapp: true },
      },
    });
    expect(profile.status).toBe(400);
    const fields = (profile.body as { error: { details: { field?: string; message: string }[] } })
      .error.details;
    const said = fields.map((d) => `${d.field ?? ''}: ${d.message}`);
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^attributes: .*firstName/),
        expect.stringMatching(/^attributes\.consent: .*whatsapp/),
      ]),
    );
    const db = new pg.Client({ connectionString: running.databaseUrl });
    await db.connect();
    try {
      const stored = await db.query(
        `select 1 from events where event_id = 'typo-1' union all select 1 from profiles where profile_id = 'typo'`,
      );
      expect(stored.rowCount).toBe(0);
    } finally {
      await db.end();
    }
  });
});
