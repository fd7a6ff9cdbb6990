/**
 * The execution backend's wire format. The schemas live in the domain (src/domain/contract), so
 * the app's client and the reference executor validate with the same ones; docs/openapi.json
 * states the same shapes and tests/unit/api/openapi.test.ts keeps them in step.
 */
export * from '../domain/contract/backend-contract.ts';
