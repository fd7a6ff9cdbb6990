import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compile,
  specJsonSchema,
  specSchema,
  specToJson,
  validateSpec,
  type Spec,
} from '../../../src/domain/index.ts';
import { makeDoc, simpleDoc, validConfig } from '../journey/doc-fixture.ts';

function compiled(): Spec {
  const { spec } = compile(simpleDoc());
  if (spec === null) throw new Error('simpleDoc must compile');
  return spec;
}

describe('compile', () => {
  it('produces a spec with no canvas positions and explicit settings', () => {
    const spec = compiled();
    expect(specToJson(spec)).not.toContain('position');
    expect(spec.entry).toEqual(['t']);
    expect(spec.settings.entry.cooldownDays).toBeNull();
    expect(spec.steps['d']).toMatchObject({
      kind: 'delay',
      durationMs: 172_800_000,
      next: { next: 's' },
    });
    expect(specSchema.parse(JSON.parse(specToJson(spec)))).toEqual(spec);
  });

  it('lists every branch, null where nothing follows', () => {
    const doc = makeDoc(
      [
        ['t', 'event'],
        ['if', 'if_else'],
        ['a', 'email'],
      ],
      [
        ['t', 'if'],
        ['if', 'a', 'yes'],
      ],
    );
    const { spec } = compile(doc);
    expect(spec?.steps['if']?.next).toEqual({ yes: 'a', no: null });
    expect(spec?.steps['a']?.next).toEqual({ next: null });
  });

  it('is deterministic: same document, byte-identical JSON, whatever the order of steps', () => {
    const doc = simpleDoc();
    const shuffled = {
      ...doc,
      steps: [...doc.steps].reverse(),
      connections: [...doc.connections].reverse(),
    };
    expect(specToJson(compiled())).toBe(specToJson(compiled()));
    expect(specToJson(compile(shuffled).spec as Spec)).toBe(specToJson(compiled()));
  });

  it('versions by content hash unless a number is given', () => {
    const a = compiled().journey.version;
    const changed = simpleDoc();
    changed.steps[1]!.config = { ...validConfig('email'), subject: 'Other' };
    expect(a).toMatch(/^[0-9a-f]{14}$/);
    expect(compile(changed).spec?.journey.version).not.toBe(a);
    expect(compile(simpleDoc(), { version: 7 }).spec?.journey.version).toBe('7');
  });

  it('moving a step on the canvas does not change the spec', () => {
    const moved = simpleDoc();
    moved.steps[0]!.position = { x: 999, y: -5 };
    expect(specToJson(compile(moved).spec as Spec)).toBe(specToJson(compiled()));
  });

  it('returns no spec when there are errors, with the diagnostics', () => {
    const result = compile(makeDoc([['e', 'email']]));
    expect(result.spec).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toContain('no-trigger');
  });

  it('keeps warnings alongside a spec', () => {
    const result = compile(
      makeDoc(
        [
          ['t', 'event'],
          ['a', 'email'],
          ['lost', 'sms'],
        ],
        [['t', 'a']],
      ),
    );
    expect(result.spec).not.toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unreachable-step']);
  });
});

describe('validateSpec', () => {
  it('accepts a compiled spec after a JSON round trip', () => {
    expect(validateSpec(JSON.parse(specToJson(compiled())))).toEqual([]);
  });

  it('reports schema problems with their path and step', () => {
    const spec = JSON.parse(specToJson(compiled()));
    spec.steps.d.unit = 'fortnights';
    expect(validateSpec(spec)).toMatchObject([
      { code: 'invalid-spec', stepId: 'd', field: 'steps.d.unit' },
    ]);
    expect(validateSpec({ specVersion: '9.9' })[0]?.code).toBe('invalid-spec');
  });

  it('reports broken references', () => {
    const spec = JSON.parse(specToJson(compiled()));
    spec.steps.s.next.next = 'ghost';
    spec.steps.d.next = { later: null };
    spec.entry = ['t', 'e'];
    spec.steps.e.next.next = 't';
    expect(
      validateSpec(spec)
        .map((d) => d.code)
        .sort(),
    ).toEqual([
      'spec-branch-mismatch',
      'spec-dangling-next',
      'spec-entry-not-trigger',
      'spec-next-into-trigger',
    ]);
    const renamed = JSON.parse(specToJson(compiled()));
    renamed.steps.s.id = 'z';
    renamed.entry = [];
    expect(
      validateSpec(renamed)
        .map((d) => d.code)
        .sort(),
    ).toEqual(['spec-step-id-mismatch', 'spec-trigger-not-entry']);
  });
});

describe('docs/spec.schema.json', () => {
  it('matches the schema generated from specSchema', () => {
    const committed = readFileSync(
      new URL('../../../docs/spec.schema.json', import.meta.url),
      'utf8',
    );
    const generated = `${JSON.stringify(specJsonSchema(), null, 2)}\n`;
    expect(
      committed === generated,
      'docs/spec.schema.json is out of date. Regenerate it with: npm run schema ' +
        "(or: npx tsx -e \"import('./src/domain/index.ts').then(m => process.stdout.write(JSON.stringify(m.specJsonSchema(), null, 2) + '\\n'))\" > docs/spec.schema.json)",
    ).toBe(true);
  });

  it('describes every step kind', () => {
    const text = JSON.stringify(specJsonSchema());
    for (const kind of ['event', 'multi_split', 'wait_for_event', 'nps_survey', 'exit'])
      expect(text).toContain(`"const":"${kind}"`);
  });
});
