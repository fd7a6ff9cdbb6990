import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import * as contract from '../../../src/api/contract';
import * as executorContract from '../../../src/api/executor-contract';
import { specJsonSchema, specSchema } from '../../../src/domain/index';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const read = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../../docs/${file}`, import.meta.url), 'utf8')) as Json;
const openapi = read('openapi.json') as {
  openapi: string;
  paths: Record<string, Record<string, { responses?: Record<string, Json> }>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
};
const schemas = openapi.components.schemas;

/** Inlines `#/components/schemas/*` refs (except the spec) and drops prose, to compare shapes. */
function normalise(node: Json): Json {
  if (Array.isArray(node)) return node.map(normalise);
  if (node === null || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (
    typeof ref === 'string' &&
    ref.startsWith('#/components/schemas/') &&
    ref !== '#/components/schemas/Spec'
  ) {
    const target = schemas[ref.slice('#/components/schemas/'.length)];
    if (target === undefined) throw new Error(`dangling ${ref}`);
    return normalise(target);
  }
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'description' && key !== '$schema') out[key] = normalise(value);
  }
  return out;
}

const fromZod = (schema: z.ZodType) =>
  normalise(z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Json);

/** A component that holds the spec, with the spec property taken out (compared separately). */
function withoutSpec(name: string): Json {
  const schema = normalise(schemas[name] ?? null) as {
    properties: Record<string, Json>;
    required: string[];
  };
  expect(schemas[name]).toMatchObject({
    properties: { spec: { $ref: '#/components/schemas/Spec' } },
  });
  const { spec: _spec, ...properties } = schema.properties;
  const { required: all, ...rest } = schema;
  const required = all.filter((r) => r !== 'spec');
  // zod leaves `required` out when nothing is required.
  return { ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}

describe('docs/openapi.json agrees with the zod schemas of src/api', () => {
  it('is OpenAPI 3.1 with every endpoint of the contract', () => {
    expect(openapi.openapi).toBe('3.1.0');
    expect((openapi as unknown as { info: { version: string } }).info.version).toBe(
      executorContract.API_VERSION,
    );
    expect(Object.keys(openapi.paths).sort()).toEqual([
      '/admin/clock',
      '/admin/reset',
      '/admin/stats',
      '/events',
      '/health',
      '/journeys/{journeyId}/status',
      '/journeys/{journeyId}/stop',
      '/journeys/{journeyId}/versions',
      '/journeys/{journeyId}/versions/{version}',
      '/journeys/{journeyId}/versions/{version}/counts',
      '/profiles/{profileId}',
      '/profiles/{profileId}/journeys/{journeyId}/runs',
      '/settings/frequency-cap',
      '/specs/validate',
    ]);
    const publish = openapi.paths['/journeys/{journeyId}/versions']?.post?.responses ?? {};
    expect(Object.keys(publish).sort()).toEqual(
      ['201', '400', '401', '404', '409', '413', '415', '422', '429', '5XX'].sort(),
    );
  });

  it.each([
    ['ErrorDetail', contract.errorDetailSchema],
    ['ApiError', contract.apiErrorSchema],
    ['PublishedVersion', contract.publishedVersionSchema],
    ['PublishResult', contract.publishResultSchema],
    ['VersionList', contract.versionListSchema],
    ['JourneyStatus', contract.journeyStatusSchema],
    ['ValidationResult', contract.validationResultSchema],
    ['ProfilePut', executorContract.profilePutSchema],
    ['ProfileSaved', executorContract.profileSavedSchema],
    ['EventBatch', executorContract.eventBatchSchema],
    ['EventBatchResult', executorContract.eventBatchResultSchema],
    ['VersionCounts', executorContract.versionCountsSchema],
    ['ProfileRuns', executorContract.profileRunsSchema],
    ['Health', executorContract.healthSchema],
    ['ClockRequest', executorContract.clockRequestSchema],
    ['ClockResult', executorContract.clockResultSchema],
    ['WorkspaceFrequencyCap', executorContract.workspaceFrequencyCapSchema],
    ['AdminStats', executorContract.adminStatsSchema],
  ] as const)('component %s matches its zod schema', (name, schema) => {
    expect(normalise(schemas[name] ?? null)).toEqual(fromZod(schema));
  });

  it('VersionDetail and PublishRequest are their zod schemas around the spec', () => {
    expect(contract.versionDetailSchema.shape.spec).toBe(specSchema);
    expect(contract.specRequestSchema.shape.spec).toBe(specSchema);
    expect(withoutSpec('VersionDetail')).toEqual(
      fromZod(contract.versionDetailSchema.omit({ spec: true })),
    );
    expect(withoutSpec('PublishRequest')).toEqual(
      fromZod(contract.specRequestSchema.omit({ spec: true })),
    );
  });

  it('the spec component points at docs/spec.schema.json, which is specJsonSchema()', () => {
    expect(schemas.Spec).toMatchObject({ $ref: './spec.schema.json' });
    expect(read('spec.schema.json')).toEqual(specJsonSchema());
  });

  it('every error response uses the error shape', () => {
    for (const response of Object.values(openapi.components.responses)) {
      expect(response).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
      });
      const example = (response as { content: { 'application/json': { example: unknown } } })
        .content['application/json'].example;
      expect(contract.apiErrorSchema.safeParse(example).success).toBe(true);
    }
  });
});
