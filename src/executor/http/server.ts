import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import {
  publishResultSchema,
  validationResultSchema,
} from '../../domain/contract/backend-contract.ts';
import {
  API_VERSION,
  clockRequestSchema,
  eventBatchSchema,
  profilePutSchema,
  workspaceFrequencyCapSchema,
  type Health,
} from '../../domain/contract/executor-contract.ts';
import { specSchema } from '../../domain/index.ts';
import { templateBudgetProblems } from '../engine/template-budget.ts';
import type { Clock, TestClock } from '../clock.ts';
import type { ExecutorConfig } from '../config.ts';
import { readCounts } from '../store/counts.ts';
import { insertEvents, putProfile } from '../store/intake.ts';
import { profileRuns } from '../store/runs.ts';
import { stopJourney } from '../store/stop-journey.ts';
import { readWorkspaceCap, saveWorkspaceCap } from '../store/workspace-settings.ts';
import { getVersion, journeyStatus, listVersions, publishVersion } from '../store/versions.ts';
import type { Catalog } from '../worker/catalog.ts';
import { storedSpecs } from '../store/prune-events.ts';
import { eventDaysHeld } from '../../domain/look-back/event-look-back.ts';
import { lookBackWarnings } from '../../domain/look-back/look-back-warnings.ts';
import { ApiProblem } from './problem.ts';
import { specFormatProblems } from './spec-fields.ts';
import { parseBody } from './validate-body.ts';
import { validatorDetails } from './validator-details.ts';

export interface ServerDeps {
  config: ExecutorConfig;
  pool: Pool;
  clock: Clock;
  testClock: TestClock | null;
  catalog: Catalog;
  /** Moves the test clock and runs everything due; only with the test clock. */
  advance: (
    change: { advanceMs: number } | { to: number },
  ) => Promise<{ now: number; processed: number } | { refused: 'backwards'; now: number }>;
  stats: () => Promise<unknown>;
  reset: () => Promise<void>;
  log: (message: string) => void;
  /** Told of every route as it is registered (the test that holds docs/openapi.json to them). */
  onRoute?: (method: string, url: string) => void;
}

type Params = Record<string, string>;

function tokenOf(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
}

const iso = (t: number) => new Date(t).toISOString();

/** Fastify's own refusals that docs/openapi.json names, with the codes it gives them. */
const FASTIFY_PROBLEMS = new Map([
  [
    'FST_ERR_CTP_BODY_TOO_LARGE',
    new ApiProblem(
      413,
      'body-too-large',
      'The body is larger than 5 MB; send fewer events per batch.',
    ),
  ],
  [
    'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    new ApiProblem(415, 'unsupported-media-type', 'Send the body as application/json.'),
  ],
]);

/** Versions are stored as Postgres integers. */
const MAX_VERSION = 2 ** 31 - 1;

/**
 * The `{version}` of a path: a positive whole number a version can have, else `null`, which the
 * routes answer with 404 (no such version). Handing "abc", "1.5" or 2^40 to Postgres failed the
 * query, a 500 that docs/openapi.json does not list and that clients retry.
 */
function versionParam(text: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const version = Number(text);
  return version <= MAX_VERSION ? version : null;
}

/** The executor's HTTP API (docs/openapi.json), bodies checked with the app client's zod schemas. */
export function buildServer(deps: ServerDeps): FastifyInstance {
  const { config, pool, clock, catalog } = deps;
  const app = Fastify({ bodyLimit: 5 * 1024 * 1024, logger: false });
  const { onRoute } = deps;
  // The days of events held now, which a count's warning compares its window with.
  const daysHeld = async (now: number) =>
    eventDaysHeld(config.eventRetentionDays, storedSpecs((await catalog.current()).values()), now);
  if (onRoute !== undefined)
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) onRoute(method, route.url);
    });

  // The app calls from its own origin (issue 16): answer preflights and allow the headers it sends.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('Access-Control-Allow-Origin', request.headers.origin ?? '*');
    reply.header('Vary', 'Origin');
    reply.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key');
    reply.header('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS');
    if (request.method === 'OPTIONS') return reply.code(204).send();
    // By route, not by URL: `/health?probe=1` is the health check too.
    if (request.routeOptions.url === '/health' || config.token === '') return undefined;
    if (tokenOf(request) !== config.token)
      throw new ApiProblem(401, 'unauthorized', 'A valid access token is required.');
    return undefined;
  });

  app.setErrorHandler((error: unknown, _request, reply: FastifyReply) => {
    if (error instanceof ApiProblem) return reply.code(error.status).send(error.body());
    const known = FASTIFY_PROBLEMS.get((error as { code?: unknown }).code as string);
    if (known !== undefined) return reply.code(known.status).send(known.body());
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500)
      return reply
        .code(status)
        .send({ error: { code: 'invalid-request', message: (error as Error).message } });
    deps.log(`${String(error)}\n${(error as Error).stack ?? ''}`);
    return reply.code(500).send({ error: { code: 'internal', message: 'The executor failed.' } });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: 'not-found', message: 'No such route.' } }),
  );

  app.get('/health', async (request): Promise<Health> => ({
    status: 'ok',
    service: 'wayfinder-reference-executor',
    apiVersion: API_VERSION,
    tokenRequired: config.token !== '',
    tokenAccepted: config.token === '' || tokenOf(request) === config.token,
    clock: deps.testClock === null ? 'wall' : 'test',
    now: iso(await clock.now()),
  }));

  app.post('/journeys/:journeyId/versions', async (request, reply) => {
    const { journeyId = '' } = request.params as Params;
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.trim() === '')
      throw new ApiProblem(400, 'missing-idempotency-key', 'Send an Idempotency-Key header.');
    const body = request.body as { spec?: unknown } | null;
    if (body === null || typeof body !== 'object' || body.spec === undefined)
      throw new ApiProblem(400, 'invalid-body', 'The body must be a JSON object { "spec": … }.');
    const published = await publishVersion(
      pool,
      { catalog, retentionDays: config.eventRetentionDays },
      journeyId,
      key.trim(),
      body.spec,
      (client) => clock.now(client),
    );
    return reply.code(201).send(publishResultSchema.parse(published));
  });

  app.get('/journeys/:journeyId/versions', async (request) => {
    const { journeyId = '' } = request.params as Params;
    return { versions: await listVersions(pool, journeyId) };
  });

  app.get('/journeys/:journeyId/versions/:version', async (request) => {
    const { journeyId = '', version = '' } = request.params as Params;
    const number = versionParam(version);
    const found = number === null ? null : await getVersion(pool, journeyId, number);
    if (found === null) throw new ApiProblem(404, 'not-found', 'No such version.');
    return found;
  });

  app.get('/journeys/:journeyId/versions/:version/counts', async (request) => {
    const { journeyId = '', version = '' } = request.params as Params;
    const number = versionParam(version);
    const counts =
      number === null
        ? null
        : await readCounts(pool, catalog, journeyId, number, await clock.now());
    if (counts === null) throw new ApiProblem(404, 'not-found', 'No such version.');
    return counts;
  });

  app.post('/journeys/:journeyId/stop', async (request) => {
    const { journeyId = '' } = request.params as Params;
    return stopJourney(pool, journeyId, (client) => clock.now(client));
  });

  app.get('/journeys/:journeyId/status', async (request) => {
    const { journeyId = '' } = request.params as Params;
    return journeyStatus(pool, journeyId);
  });

  app.post('/specs/validate', async (request) => {
    const body = request.body as { spec?: unknown } | null;
    if (body === null || typeof body !== 'object' || body.spec === undefined)
      throw new ApiProblem(400, 'invalid-body', 'The body must be a JSON object { "spec": … }.');
    const format = specFormatProblems(body.spec);
    if (format.length > 0) return validationResultSchema.parse({ valid: false, errors: format });
    const errors = validatorDetails(body.spec);
    // What publish would refuse as well, so a spec that validates clean is not refused there.
    const parsed = specSchema.safeParse(body.spec);
    if (!parsed.success) return validationResultSchema.parse({ valid: false, errors });
    errors.push(...templateBudgetProblems(parsed.data));
    const warnings = lookBackWarnings(parsed.data, await daysHeld(await clock.now()));
    return validationResultSchema.parse({ valid: errors.length === 0, errors, warnings });
  });

  app.put('/profiles/:profileId', async (request) => {
    const { profileId = '' } = request.params as Params;
    const { attributes } = parseBody(profilePutSchema, request.body);
    await putProfile(pool, profileId, attributes, await clock.now());
    return { profileId, attributes };
  });

  app.post('/events', async (request, reply) => {
    const batch = parseBody(eventBatchSchema, request.body);
    const result = await insertEvents(pool, batch, await clock.now());
    return reply.code(202).send(result);
  });

  app.get('/profiles/:profileId/journeys/:journeyId/runs', async (request) => {
    const { profileId = '', journeyId = '' } = request.params as Params;
    return profileRuns(pool, journeyId, profileId);
  });

  app.get('/settings/frequency-cap', async () => readWorkspaceCap(pool));

  app.put('/settings/frequency-cap', async (request) => {
    const cap = parseBody(workspaceFrequencyCapSchema, request.body);
    await saveWorkspaceCap(pool, cap);
    return cap;
  });

  app.get('/admin/stats', async () => deps.stats());

  if (deps.testClock !== null) {
    app.post('/admin/clock', async (request) => {
      const change = parseBody(clockRequestSchema, request.body);
      const r = await deps.advance(change);
      if ('refused' in r)
        throw new ApiProblem(
          409,
          'clock-backwards',
          `The test clock is at ${iso(r.now)}: it cannot go back while anything is stored (POST /admin/reset first).`,
        );
      return { now: iso(r.now), processed: r.processed };
    });
    app.post('/admin/reset', async (_request, reply) => {
      await deps.reset();
      return reply.code(204).send();
    });
  }
  return app;
}
