import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiHttpError, MalformedResponseError, NetworkError } from '../../../src/api/api-errors';
import { detailsToDiagnostics, errorToDiagnostics } from '../../../src/api/backend-diagnostics';
import { getStatus } from '../../../src/api/get-status';
import { apiErrorText } from '../../../src/features/publish/api-error-words';
import { testIntl } from '../../support/test-intl';

const english = await testIntl('en');
const describeApiError = (error: unknown) => apiErrorText(english, error);
import { getVersion } from '../../../src/api/get-version';
import { listVersions } from '../../../src/api/list-versions';
import { publishVersion } from '../../../src/api/publish-version';
import { validateSpecRemotely } from '../../../src/api/validate-spec';
import { TEMPLATES, compile, contentHash, specToJson, type Spec } from '../../../src/domain/index';
import { welcomeLookingBack } from '../publish/journeys';
import { BASE, templateSpec, testClient, useMockBackend } from './backend-fixture';

const { state, server } = useMockBackend();

describe('publish: POST /journeys/{id}/versions', () => {
  it('publishes versions numbered 1, 2, … with the hash of the spec', async () => {
    const { client } = testClient();
    const first = await publishVersion(client, {
      journeyId: 'j-welcome',
      spec: templateSpec(1),
      idempotencyKey: 'k1',
    });
    expect(first).toEqual({
      journeyId: 'j-welcome',
      version: 1,
      specHash: contentHash(specToJson(templateSpec(1))),
      publishedAt: '2025-03-01T10:00:00.000Z',
      warnings: [],
    });
    const second = await publishVersion(client, {
      journeyId: 'j-welcome',
      spec: templateSpec(2),
      idempotencyKey: 'k2',
    });
    expect(second.version).toBe(2);
    expect(state.log.map((r) => r.idempotencyKey)).toEqual(['k1', 'k2']);
  });

  it('retries 503s under the same idempotency key and creates exactly one version', async () => {
    state.setFaults({ failNext: 2, status: 503 });
    const { client, waits } = testClient();
    const attempts: string[] = [];
    const published = await publishVersion(
      client,
      { journeyId: 'j-welcome', spec: templateSpec(1), idempotencyKey: 'same-key' },
      (n, of) => attempts.push(`${n}/${of}`),
    );
    expect(published.version).toBe(1);
    expect(attempts).toEqual(['1/4', '2/4', '3/4']);
    expect(waits).toEqual([250, 500]);
    expect(state.log.map((r) => [r.status, r.idempotencyKey])).toEqual([
      [503, 'same-key'],
      [503, 'same-key'],
      [201, 'same-key'],
    ]);
    expect(state.versions('j-welcome')).toHaveLength(1);
  });

  it('never publishes twice when the answer is lost after the backend stored the version', async () => {
    state.setFaults({ failNextAfterCommit: 1, status: 502 });
    const { client } = testClient();
    const published = await publishVersion(client, {
      journeyId: 'j-welcome',
      spec: templateSpec(1),
      idempotencyKey: 'lost-answer',
    });
    expect(published.version).toBe(1);
    expect(state.log.map((r) => r.status)).toEqual([502, 201]);
    expect(state.versions('j-welcome')).toHaveLength(1);
  });

  it('retries a network failure and gives up after 4 attempts with a clear error', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/journeys/:id/versions`, () => {
        calls++;
        return HttpResponse.error();
      }),
    );
    const { client, waits } = testClient();
    const error = await publishVersion(client, {
      journeyId: 'j-welcome',
      spec: templateSpec(1),
      idempotencyKey: 'k',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).offline).toBe(false);
    expect(calls).toBe(4);
    expect(waits).toEqual([250, 500, 1000]);
  });

  it('jitters the back-off between half and one and a half times the base', async () => {
    state.setFaults({ failNext: 1, status: 500 });
    const { client, waits } = testClient();
    client.retry = { ...client.retry, random: () => 0 };
    await publishVersion(client, {
      journeyId: 'j',
      spec: templateSpec(1, 'j'),
      idempotencyKey: 'k',
    });
    expect(waits).toEqual([125]);
  });

  it('does not send anything when the browser is offline', async () => {
    const { client } = testClient({ isOnline: () => false });
    const error = await publishVersion(client, {
      journeyId: 'j-welcome',
      spec: templateSpec(1),
      idempotencyKey: 'k',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).offline).toBe(true);
    expect(describeApiError(error)).toMatch(/offline/i);
    expect(state.log).toEqual([]);
  });

  it('maps a 422 to diagnostics on the rejected step and does not retry it', async () => {
    const spec = templateSpec(1);
    const stepId = Object.keys(spec.steps)[1] ?? '';
    state.setFaults({ rejectStep: stepId });
    const { client, waits } = testClient();
    const error = await publishVersion(client, {
      journeyId: 'j-welcome',
      spec,
      idempotencyKey: 'k',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiHttpError);
    expect((error as ApiHttpError).status).toBe(422);
    expect(errorToDiagnostics(error)).toEqual([
      {
        severity: 'error',
        code: 'backend:unsupported-step',
        message: 'The execution backend cannot run this step.',
        stepId,
      },
    ]);
    expect(waits).toEqual([]);
    expect(state.log).toHaveLength(1);
  });

  it('maps schema errors from the backend to their step and field', async () => {
    const spec = templateSpec(1);
    const [stepId, step] = Object.entries(spec.steps)[0] ?? [];
    const broken = { ...spec, steps: { ...spec.steps, [stepId ?? '']: { ...step, label: 7 } } };
    const { client } = testClient();
    const error = await publishVersion(client, {
      journeyId: 'j-welcome',
      spec: broken as never,
      idempotencyKey: 'k',
    }).catch((e: unknown) => e);
    const diagnostics = errorToDiagnostics(error);
    expect(diagnostics).toHaveLength(1);
    // The spec validator's own code with its parameters: the app words it in its language.
    expect(diagnostics[0]).toMatchObject({
      stepId,
      field: `steps.${stepId}.label`,
      code: 'invalid-spec',
      params: { field: `steps.${stepId}.label`, problem: 'type' },
    });
  });

  it('keeps a backend problem in its own words when its code or parameters are unknown here', () => {
    const detail = { code: 'invalid-spec', message: 'Bad.', params: { field: 'x' } };
    expect(detailsToDiagnostics([detail])).toEqual([
      { severity: 'error', code: 'backend:invalid-spec', message: 'Bad.' },
    ]);
    expect(
      detailsToDiagnostics([{ ...detail, params: { field: 'x', problem: 'required', limit: 0 } }]),
    ).toEqual([
      {
        severity: 'error',
        code: 'invalid-spec',
        message: 'Bad.',
        params: { field: 'x', problem: 'required', limit: 0 },
      },
    ]);
  });

  it('refuses a stale version number with a 409 and never retries it', async () => {
    const { client } = testClient();
    const error = await publishVersion(client, {
      journeyId: 'j-welcome',
      spec: templateSpec(2),
      idempotencyKey: 'k',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: 'version-conflict' });
    expect(describeApiError(error)).toMatch(
      /^The backend reports a conflict\. The backend said: “The next version of this journey is 1/,
    );
  });

  it('refuses a spec compiled without --version (a content hash) with 422 on journey.version, not a 409 saying reload', async () => {
    const { client } = testClient();
    const hashed = compile(TEMPLATES[0]!.build(Date.UTC(2025, 0, 1))).spec as Spec;
    expect(hashed.journey.version).toMatch(/^[0-9a-f]{14}$/);
    const error = await publishVersion(client, {
      journeyId: hashed.journey.id,
      spec: hashed,
      idempotencyKey: 'hash',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 422,
      code: 'invalid-spec',
      details: [
        {
          field: 'journey.version',
          code: 'version-not-a-number',
          message: expect.stringContaining('wayfinder compile FILE --version 1'),
        },
      ],
    });
  });

  it('answers a replay with the same key with the same version, and a reused key with 409', async () => {
    const { client } = testClient();
    const input = { journeyId: 'j-welcome', spec: templateSpec(1), idempotencyKey: 'k' };
    const first = await publishVersion(client, input);
    expect(await publishVersion(client, input)).toEqual(first);
    const reused = await publishVersion(client, { ...input, spec: templateSpec(1, 'j-welcome', 1) })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(reused).toMatchObject({ status: 409, code: 'idempotency-key-reused' });
    expect(state.versions('j-welcome')).toHaveLength(1);
  });

  it('sends the token as a Bearer header and surfaces a 401 plainly', async () => {
    state.setFaults({ requireToken: 'right' });
    const wrong = await listVersions(testClient({ token: 'wrong' }).client, 'j').catch(
      (e: unknown) => e,
    );
    expect(wrong).toMatchObject({ status: 401 });
    expect(describeApiError(wrong)).toBe(
      'The backend refused the access token. The backend said: “A valid access token is required.”',
    );
    expect(String((wrong as Error).message)).not.toContain('wrong');
    expect(await listVersions(testClient({ token: 'right' }).client, 'j')).toEqual([]);
  });
});

describe('warnings: what the backend accepts a spec with but warns of', () => {
  /** The welcome series counting orders over the last `days` days, as version 1. */
  const lookingBack = (days: number): Spec => {
    const { spec } = compile(welcomeLookingBack(days), { version: 1 });
    if (spec === null) throw new Error('does not compile');
    return spec;
  };
  const beyondRetention = {
    stepId: 'ordered-yet',
    code: 'look-back-beyond-retention',
    params: { lookBackDays: 450, retentionDays: 400 },
  };

  it('reads the warnings a publish answers with, a replay of it too', async () => {
    const { client } = testClient();
    const input = { journeyId: 'j-welcome', spec: lookingBack(450), idempotencyKey: 'k' };
    const published = await publishVersion(client, input);
    expect(published.version).toBe(1);
    expect(published.warnings).toEqual([expect.objectContaining(beyondRetention)]);
    expect((await publishVersion(client, input)).warnings).toEqual(published.warnings);
  });

  it('turns them into warnings on their steps, worded here when their code is known', async () => {
    const { client } = testClient();
    const published = await publishVersion(client, {
      journeyId: 'j-welcome',
      spec: lookingBack(450),
      idempotencyKey: 'k',
    });
    expect(detailsToDiagnostics(published.warnings ?? [], 'warning')).toEqual([
      {
        severity: 'warning',
        field: expect.any(String),
        message: expect.any(String),
        ...beyondRetention,
      },
    ]);
    expect(
      detailsToDiagnostics([{ stepId: 's', code: 'odd-count', message: 'Odd.' }], 'warning'),
    ).toEqual([{ severity: 'warning', code: 'backend:odd-count', message: 'Odd.', stepId: 's' }]);
  });

  it('lists them at validate too, and none for a count within the days kept', async () => {
    const { client } = testClient();
    const verdict = await validateSpecRemotely(client, lookingBack(450));
    expect(verdict).toMatchObject({ valid: true, errors: [] });
    expect(verdict.warnings).toEqual([expect.objectContaining(beyondRetention)]);
    expect((await validateSpecRemotely(client, lookingBack(400))).warnings).toEqual([]);
  });
});

describe('reading: versions, one version, status', () => {
  it('lists versions oldest first, gets one with its spec, and reports status', async () => {
    const { client } = testClient();
    expect(await getStatus(client, 'j-welcome')).toEqual({
      journeyId: 'j-welcome',
      state: 'draft',
      liveVersion: null,
      activeProfiles: 0,
      activeProfilesByVersion: {},
      stoppedAt: null,
    });
    await publishVersion(client, {
      journeyId: 'j-welcome',
      spec: templateSpec(1),
      idempotencyKey: 'a',
    });
    await publishVersion(client, {
      journeyId: 'j-welcome',
      spec: templateSpec(2),
      idempotencyKey: 'b',
    });
    const versions = await listVersions(client, 'j-welcome');
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const two = await getVersion(client, 'j-welcome', 2);
    expect(two.spec).toEqual(templateSpec(2));
    expect(two.specHash).toBe(versions[1]?.specHash);
    expect(await getStatus(client, 'j-welcome')).toMatchObject({ state: 'live', liveVersion: 2 });
  });

  it('surfaces a 404 for a version that does not exist, without retrying', async () => {
    const { client, waits } = testClient();
    const error = await getVersion(client, 'j-welcome', 9).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not-found' });
    expect(waits).toEqual([]);
  });

  it('refuses a malformed answer with a clear error naming the endpoint and the problem', async () => {
    server.use(
      http.get(`${BASE}/journeys/:id/versions`, () =>
        HttpResponse.json({ versions: [{ journeyId: 'j', version: 'one', specHash: 'x' }] }),
      ),
    );
    const error = await listVersions(testClient().client, 'j').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toMatch(
      /GET \/journeys\/j\/versions does not match the API contract: versions\.0\.version: /,
    );
    expect((error as Error).message).toContain('versions.0.publishedAt');
  });

  it('refuses an answer that is not JSON, and a status with an unknown state', async () => {
    server.use(
      http.get(`${BASE}/journeys/:id/status`, () => new HttpResponse('<html>', { status: 200 })),
    );
    await expect(getStatus(testClient().client, 'j')).rejects.toThrow(/body is not JSON/);
    server.use(
      http.get(`${BASE}/journeys/:id/status`, () =>
        HttpResponse.json({
          journeyId: 'j',
          state: 'running',
          liveVersion: 1,
          activeProfiles: 0,
          activeProfilesByVersion: {},
        }),
      ),
    );
    await expect(getStatus(testClient().client, 'j')).rejects.toThrow(/state: /);
  });

  it('turns a 5xx without the error body into a plain error after its retries', async () => {
    server.use(
      http.get(
        `${BASE}/journeys/:id/status`,
        () => new HttpResponse('busy', { status: 502, statusText: 'Bad Gateway' }),
      ),
    );
    const error = await getStatus(testClient().client, 'j').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http-error', message: 'Bad Gateway' });
  });
});

describe('validate: POST /specs/validate', () => {
  it('accepts a valid spec and lists step problems for an invalid one', async () => {
    const { client } = testClient();
    const spec = templateSpec(1);
    expect(await validateSpecRemotely(client, spec)).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
    const result = await validateSpecRemotely(client, { ...spec, entry: [...spec.entry, 'ghost'] });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        field: 'entry',
        code: 'spec-unknown-entry',
        message: 'Entry "ghost" is not a step.',
        params: { step: '"ghost"' },
      },
    ]);
  });
});
