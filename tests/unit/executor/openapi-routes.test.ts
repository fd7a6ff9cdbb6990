import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { executorConfigSchema } from '../../../src/executor/config.ts';
import type { TestClock } from '../../../src/executor/clock.ts';
import { buildServer } from '../../../src/executor/http/server.ts';
import type { Catalog } from '../../../src/executor/worker/catalog.ts';

/**
 * Every route the reference executor serves is in docs/openapi.json, and every route the document
 * names is served: a route added without its documentation (as `/admin/stats` was), or documented
 * and never built, fails here. No database: routes are only registered, never called.
 */
const openapi = JSON.parse(
  readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'),
) as { paths: Record<string, Record<string, unknown>> };

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

function documentedRoutes(): string[] {
  return Object.entries(openapi.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => METHODS.has(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** The routes a server registers, paths written as OpenAPI writes them (`{id}`, not `:id`). */
function servedRoutes(withTestClock: boolean): string[] {
  const routes: string[] = [];
  const unused = () => {
    throw new Error('not called: the routes are only registered');
  };
  buildServer({
    config: executorConfigSchema.parse({ databaseUrl: 'postgres://unused', executorId: 'routes' }),
    pool: {} as Pool,
    clock: { now: unused },
    testClock: withTestClock ? ({} as TestClock) : null,
    catalog: {} as Catalog,
    advance: unused,
    stats: unused,
    reset: unused,
    log: () => undefined,
    onRoute: (method, url) => {
      // Fastify adds HEAD beside every GET by itself; OpenAPI's GET covers it.
      if (method !== 'HEAD') routes.push(`${method} ${url.replace(/:(\w+)/g, '{$1}')}`);
    },
  });
  return routes;
}

describe('docs/openapi.json and the routes the executor serves', () => {
  it('documents every route the executor registers, test-clock routes included', () => {
    const documented = new Set(documentedRoutes());
    const served = [...new Set([...servedRoutes(false), ...servedRoutes(true)])];
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('serves every route the document names', () => {
    const served = new Set([...servedRoutes(false), ...servedRoutes(true)]);
    expect(documentedRoutes().filter((route) => !served.has(route))).toEqual([]);
  });

  it('registers the test-clock routes only with the test clock', () => {
    const wall = servedRoutes(false);
    expect(wall).not.toContain('POST /admin/clock');
    expect(wall).not.toContain('POST /admin/reset');
    expect(servedRoutes(true)).toEqual(
      expect.arrayContaining(['POST /admin/clock', 'POST /admin/reset']),
    );
  });
});
