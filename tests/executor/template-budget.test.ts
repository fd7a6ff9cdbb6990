import { describe, expect, it } from 'vitest';
import { delay, email, journeyOf, onEvent } from '../../src/domain/conformance/case-builder.ts';
import { contentHash, specToJson } from '../../src/domain/index.ts';
import { ApiProblem } from '../../src/executor/http/problem.ts';
import { listVersions, publishVersion } from '../../src/executor/store/versions.ts';
import { directEngine } from './support/direct-engine.ts';
import { specOf } from './support/journeys.ts';
import { postValidate } from './support/spec-server.ts';

/**
 * A template that runs away whatever the customer (a loop over a fixed range) would spend the
 * whole render budget (250 ms) on every send of its step, and then not be sent (spec §5.5). It
 * is refused once, at publish: each template is rendered for a sample customer within the
 * budget, and one stopped by a limit answers 422 naming its step and field, coded.
 */
const T0 = Date.UTC(2026, 4, 4, 10);
const RUNAWAY =
  '{% assign r = (1..50) %}{% for a in r %}{% for b in r %}{% for c in r %}{% for d in r %}{% for e in r %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}';

const engine = directEngine('template-budget');

const journey = (body: string) =>
  specOf(
    journeyOf(
      'runaway',
      'Runaway',
      [
        ['t', 'event', onEvent('signed_up')],
        ['good', 'email', email('Hello {{ profile.name }}')],
        ['d', 'delay', delay(1, 'hours')],
        ['bad', 'email', { ...email('Hello again'), body }],
      ],
      [
        ['t', 'next', 'good'],
        ['good', 'next', 'd'],
        ['d', 'next', 'bad'],
      ],
    ),
  );

async function refusal(work: Promise<unknown>): Promise<ApiProblem> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ApiProblem) return error;
    throw error;
  }
  throw new Error('published');
}

const validate = (spec: unknown) => postValidate(engine, spec);

const withoutMessage = (details: readonly { message: string }[] = []) =>
  details.map(({ message: _message, ...rest }) => rest);

describe('validating a runaway template', () => {
  it('reports the problem publish refuses, on the same step and field with the same code, and publishes nothing', async () => {
    const spec = journey(`Hi ${RUNAWAY}`);
    const verdict = await validate(spec);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors).toEqual([
      expect.objectContaining({ stepId: 'bad', field: 'body', code: 'template-too-slow' }),
    ]);
    expect(await listVersions(engine.pool, 'runaway')).toEqual([]);
    const problem = await refusal(
      publishVersion(engine.pool, engine.lookBack, 'runaway', 'v1', spec, T0),
    );
    expect(withoutMessage(verdict.errors)).toEqual(withoutMessage(problem.details));
  });

  it('finds a template bounded by the customer’s own values valid', async () => {
    const bounded = '{% for i in (1..profile.custom.n) %}{{ i }}{% endfor %}';
    expect(await validate(journey(`Hi ${bounded}`))).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
  });
});

describe('publishing a runaway template', () => {
  it('is refused with the step, the field and the limit’s code, and nothing is published', async () => {
    const problem = await refusal(
      publishVersion(engine.pool, engine.lookBack, 'runaway', 'v1', journey(`Hi ${RUNAWAY}`), T0),
    );
    expect(problem.status).toBe(422);
    expect(problem.code).toBe('invalid-spec');
    expect(problem.details).toEqual([
      expect.objectContaining({ stepId: 'bad', field: 'body', code: 'template-too-slow' }),
    ]);
    expect(await listVersions(engine.pool, 'runaway')).toEqual([]);
  });

  it('accepts a template whose loops are bounded by the customer’s own values', async () => {
    const bounded = '{% for i in (1..profile.custom.n) %}{{ i }}{% endfor %}';
    expect(
      await publishVersion(
        engine.pool,
        engine.lookBack,
        'runaway',
        'v1',
        journey(`Hi ${bounded}`),
        T0,
      ),
    ).toMatchObject({ version: 1 });
  });

  it('answers a retried publish whose first attempt committed with its version, whatever the budget says now', async () => {
    // The first attempt rendered in time on a process not busy then, committed, and its answer
    // was lost; the retry renders on a busy one, where the same template runs past the budget.
    const spec = journey(`Hi ${RUNAWAY}`);
    await engine.pool.query(
      `insert into journey_versions (journey_id, version, spec, spec_hash, published_at, idempotency_key)
       values ('runaway', 1, $1, $2, $3, 'v1')`,
      [JSON.stringify(spec), contentHash(specToJson(spec)), T0],
    );
    expect(
      await publishVersion(engine.pool, engine.lookBack, 'runaway', 'v1', spec, T0),
    ).toMatchObject({
      version: 1,
    });
  });
});
