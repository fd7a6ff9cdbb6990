import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  STEP_KINDS,
  compile,
  createJourney,
  getStepDefinition,
  restore,
  sequentialIds,
  specSchema,
  specToJson,
  validate,
  validateSpec,
  type JourneyDocument,
} from '../../../src/domain/index.ts';
import { FIXED_NOW, validConfig } from '../journey/doc-fixture.ts';

const kindArb = fc.constantFrom(...STEP_KINDS);

/** A config: the kind's default, a complete one, or garbage. */
const configArb = (kind: (typeof STEP_KINDS)[number]) =>
  fc.oneof(
    fc.constant(getStepDefinition(kind)?.defaultConfig() as Record<string, unknown>),
    fc.constant(validConfig(kind)),
    fc.dictionary(
      fc.constantFrom('event', 'amount', 'unit', 'subject', 'variants', 'text'),
      // Parsed JSON text, not fc.jsonValue(): that may hold -0, which JSON itself writes as 0.
      fc.json().map((text): unknown => JSON.parse(text)),
    ),
  );

const documentArb: fc.Arbitrary<JourneyDocument> = fc
  .array(
    kindArb.chain((kind) => configArb(kind).map((config) => ({ kind, config }))),
    { minLength: 0, maxLength: 12 },
  )
  .chain((steps) => {
    const ids = steps.map((_, i) => `s${i}`);
    const idArb = ids.length === 0 ? fc.constant('s0') : fc.constantFrom(...ids);
    const branchArb = fc.constantFrom(
      'next',
      'yes',
      'no',
      'else',
      'happened',
      'timed_out',
      'a',
      'b',
      'b1',
    );
    const connectionArb = fc.record({
      from: idArb,
      to: fc.oneof(idArb, fc.constant('ghost')),
      fromBranch: branchArb,
    });
    return fc.array(connectionArb, { maxLength: 20 }).map((connections) => {
      const doc = createJourney('Random', FIXED_NOW, sequentialIds('j'));
      doc.steps = steps.map((s, i) => ({
        id: ids[i]!,
        kind: s.kind,
        label: `Step ${i}`,
        config: structuredClone(s.config),
        position: { x: i * 10, y: 0 },
      }));
      doc.connections = connections.map((c, i) => ({ id: `c${i}`, ...c }));
      return doc;
    });
  });

// Heavy (seconds here, several times that on a loaded CI machine): a generous limit of its own.
describe('properties', { timeout: 120_000 }, () => {
  it('validate and compile never throw, and every spec passes specSchema after a JSON round trip', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        expect(() => validate(doc)).not.toThrow();
        const { spec, diagnostics } = compile(doc);
        expect(spec === null).toBe(diagnostics.some((d) => d.severity === 'error'));
        if (spec !== null) {
          const json = specToJson(spec);
          expect(specSchema.safeParse(JSON.parse(json)).success).toBe(true);
          expect(validateSpec(JSON.parse(json))).toEqual([]);
          expect(specToJson(compile(doc).spec!)).toBe(json);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('document → JSON → restore is the identity', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        expect(restore(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, document: doc });
      }),
      { numRuns: 200 },
    );
  });
});
