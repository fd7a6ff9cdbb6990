import { delay, http, HttpResponse, type HttpResponseResolver } from 'msw';
import { nextVersionRefusal } from '../src/domain/contract/backend-contract.ts';
import { specSchema, validateSpec, type Diagnostic, type Spec } from '../src/domain/index.ts';
import { eventDaysHeld } from '../src/domain/look-back/event-look-back.ts';
import { lookBackWarnings } from '../src/domain/look-back/look-back-warnings.ts';
import type { MockBackendState, MockFaults, MockVersion } from './mock-backend-state.ts';

type Detail = { stepId?: string; field?: string; code: string; message: string };

/** How long the mock "keeps events": the reference executor's default EVENT_RETENTION_DAYS. */
const MOCK_RETENTION_DAYS = 400;

/**
 * What the mock accepts but warns of, as the reference executor words it: an event count over
 * more days than it holds, which is longer while a stored version looks back further (credited
 * only for the days it has been stored: events older than the retention were gone at its publish).
 * Counts over all time are not warned of here, so the templates that count orders "ever" publish
 * without a warning in dev. `publish` (a stored version's) compares with the versions stored
 * before it, at its instant, as its publish did.
 */
function specWarnings(
  state: MockBackendState,
  spec: Spec,
  publish?: { journeyId: string; version: number; at: number },
): Detail[] {
  const at = publish?.at ?? state.now().getTime();
  const stored = state
    .allVersions()
    .filter(
      (v) =>
        Date.parse(v.publishedAt) <= at &&
        !(v.journeyId === publish?.journeyId && v.version >= publish.version),
    )
    .map((v) => ({ spec: v.spec, publishedAt: Date.parse(v.publishedAt) }));
  const daysHeld = eventDaysHeld(MOCK_RETENTION_DAYS, stored, at);
  return lookBackWarnings(spec, daysHeld).filter((w) => w.code === 'look-back-beyond-retention');
}

function problem(status: number, code: string, message: string, details?: Detail[]) {
  return HttpResponse.json(
    { error: { code, message, ...(details === undefined ? {} : { details }) } },
    { status },
  );
}

const FAULT_MESSAGES: Record<number, [string, string]> = {
  429: ['rate-limited', 'Too many requests; slow down.'],
  500: ['internal', 'The backend failed.'],
  502: ['bad-gateway', 'The backend is unreachable behind its gateway.'],
  503: ['unavailable', 'The backend is busy; try again shortly.'],
  504: ['timeout', 'The backend timed out.'],
};

function fault(status: number) {
  const [code, message] = FAULT_MESSAGES[status] ?? ['fault', `Injected fault ${status}.`];
  return problem(status, code, message);
}

function toDetail(d: Diagnostic): Detail {
  return {
    ...(d.stepId === undefined ? {} : { stepId: d.stepId }),
    ...(d.field === undefined ? {} : { field: d.field }),
    code: d.code,
    message: d.message,
    ...(d.params === undefined ? {} : { params: d.params }),
  };
}

function summary(v: MockVersion) {
  return {
    journeyId: v.journeyId,
    version: v.version,
    specHash: v.specHash,
    publishedAt: v.publishedAt,
  };
}

/**
 * The answer of a publish (a replay too): the version, with the warnings its publish gave. A
 * version stored without any is worked out again as the reference executor does for those
 * published before it stored them.
 */
function publishResult(state: MockBackendState, v: MockVersion) {
  const publish = { journeyId: v.journeyId, version: v.version, at: Date.parse(v.publishedAt) };
  const warnings = v.warnings.length > 0 ? v.warnings : specWarnings(state, v.spec, publish);
  return { ...summary(v), warnings };
}

/** What the mock finds wrong with a spec: the domain's validateSpec plus injected rejections. */
function specProblems(spec: unknown, faults: MockFaults): Detail[] {
  const details = validateSpec(spec).map(toDetail);
  const rejected = faults.rejectStep;
  const steps = (spec as { steps?: Record<string, unknown> } | null)?.steps;
  if (rejected !== null && steps !== undefined && rejected in steps) {
    details.push({
      stepId: rejected,
      code: 'unsupported-step',
      message: 'The execution backend cannot run this step.',
    });
  }
  return details;
}

async function readBody(request: Request): Promise<{ spec?: unknown } | null> {
  try {
    const body: unknown = await request.json();
    return body !== null && typeof body === 'object' ? (body as { spec?: unknown }) : null;
  } catch {
    return null;
  }
}

/**
 * The execution backend's contract (docs/openapi.json) over in-memory state, mounted under `base`
 * (`/api` in the browser, an absolute URL in Node tests), plus `{base}/__mock/*` to inject faults.
 */
export function createBackendHandlers(state: MockBackendState, base: string) {
  const status = (journeyId: string) => {
    const list = state.versions(journeyId);
    const stoppedAt = state.stoppedAt(journeyId);
    const live = stoppedAt === null ? list.at(-1) : undefined;
    return {
      journeyId,
      state: stoppedAt !== null ? 'stopped' : live === undefined ? 'draft' : 'live',
      liveVersion: live?.version ?? null,
      activeProfiles: 0,
      activeProfilesByVersion: Object.fromEntries(list.map((v) => [String(v.version), 0])),
      stoppedAt,
    };
  };
  const contract = (resolver: HttpResponseResolver) => {
    const wrapped: HttpResponseResolver = async (info) => {
      const faults = state.faults();
      if (state.takeFault('hangNext')) {
        state.log.push({
          method: info.request.method,
          path: new URL(info.request.url).pathname,
          idempotencyKey: info.request.headers.get('Idempotency-Key'),
          status: 0,
        });
        await delay('infinite');
      }
      if (faults.delayMs > 0) await delay(faults.delayMs);
      const respond = async () => {
        const auth = info.request.headers.get('Authorization');
        if (faults.requireToken !== null && auth !== `Bearer ${faults.requireToken}`) {
          return problem(401, 'unauthorized', 'A valid access token is required.');
        }
        if (state.takeFault('failNext')) return fault(faults.status);
        return resolver(info);
      };
      const response = await respond();
      state.log.push({
        method: info.request.method,
        path: new URL(info.request.url).pathname,
        idempotencyKey: info.request.headers.get('Idempotency-Key'),
        status: response instanceof Response ? response.status : 200,
      });
      return response;
    };
    return wrapped;
  };

  return [
    http.post(`${base}/__mock/faults`, async ({ request }) =>
      HttpResponse.json(state.setFaults((await request.json()) as Partial<MockFaults>)),
    ),
    http.post(`${base}/__mock/reset`, () => {
      state.reset();
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${base}/__mock/requests`, () => HttpResponse.json(state.log)),

    http.post(
      `${base}/journeys/:journeyId/versions`,
      contract(async ({ request, params }) => {
        const journeyId = String(params.journeyId);
        const key = request.headers.get('Idempotency-Key');
        if (key === null || key.trim() === '') {
          return problem(400, 'missing-idempotency-key', 'Send an Idempotency-Key header.');
        }
        const body = await readBody(request);
        if (body === null || body.spec === undefined) {
          return problem(400, 'invalid-body', 'The body must be a JSON object { "spec": … }.');
        }
        const faults = state.faults();
        const details = specProblems(body.spec, faults);
        if (details.length > 0) {
          return problem(422, 'invalid-spec', 'The spec is not valid.', details);
        }
        const spec: Spec = specSchema.parse(body.spec);
        const replayed = state.replay(key, journeyId, spec);
        if (replayed === 'conflict') {
          return problem(409, 'idempotency-key-reused', 'This key was used for another request.');
        }
        if (replayed !== undefined)
          return HttpResponse.json(publishResult(state, replayed), { status: 201 });
        if (spec.journey.id !== journeyId) {
          return problem(422, 'invalid-spec', 'The spec belongs to another journey.', [
            { field: 'journey.id', code: 'journey-id-mismatch', message: 'Not this journey.' },
          ]);
        }
        const next = state.versions(journeyId).length + 1;
        const refusal = nextVersionRefusal(spec.journey.version, next);
        if (refusal !== null)
          return problem(refusal.status, refusal.code, refusal.message, refusal.details);
        const version = state.publish(key, journeyId, spec, specWarnings(state, spec));
        if (state.takeFault('failNextAfterCommit')) return fault(faults.status);
        return HttpResponse.json(publishResult(state, version), { status: 201 });
      }),
    ),

    http.get(
      `${base}/journeys/:journeyId/versions`,
      contract(({ params }) =>
        HttpResponse.json({ versions: state.versions(String(params.journeyId)).map(summary) }),
      ),
    ),

    http.get(
      `${base}/journeys/:journeyId/versions/:version`,
      contract(({ params }) => {
        const found = state
          .versions(String(params.journeyId))
          .find((v) => String(v.version) === params.version);
        if (found === undefined) return problem(404, 'not-found', 'No such version.');
        return HttpResponse.json({ ...summary(found), spec: found.spec });
      }),
    ),

    http.get(
      `${base}/journeys/:journeyId/status`,
      contract(({ params }) => HttpResponse.json(status(String(params.journeyId)))),
    ),

    http.post(
      `${base}/journeys/:journeyId/stop`,
      contract(({ params }) => {
        const journeyId = String(params.journeyId);
        if (!state.stop(journeyId))
          return problem(404, 'not-found', 'No such journey is published.');
        return HttpResponse.json(status(journeyId));
      }),
    ),

    http.post(
      `${base}/specs/validate`,
      contract(async ({ request }) => {
        const body = await readBody(request);
        if (body === null || body.spec === undefined) {
          return problem(400, 'invalid-body', 'The body must be a JSON object { "spec": … }.');
        }
        const errors = specProblems(body.spec, state.faults());
        const parsed = specSchema.safeParse(body.spec);
        if (!parsed.success) return HttpResponse.json({ valid: false, errors });
        return HttpResponse.json({
          valid: errors.length === 0,
          errors,
          warnings: specWarnings(state, parsed.data),
        });
      }),
    ),
  ];
}
