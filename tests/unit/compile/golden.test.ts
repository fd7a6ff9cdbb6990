import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATES, compile, sequentialIds, specToJson } from '../../../src/domain/index.ts';
import { FIXED_NOW } from '../journey/doc-fixture.ts';

const update = process.env['UPDATE_GOLDEN'] === '1';

/** Golden specs: run with UPDATE_GOLDEN=1 to rewrite them after an intended change. */
describe.each(TEMPLATES.map((t) => [t.id, t] as const))('golden spec: %s', (id, template) => {
  it('compiles byte for byte as committed', () => {
    const { spec, diagnostics } = compile(template.build(FIXED_NOW, sequentialIds(id)));
    expect(diagnostics).toEqual([]);
    const json = specToJson(spec as NonNullable<typeof spec>);
    const file = new URL(`./golden/${id}.json`, import.meta.url);
    if (update) writeFileSync(file, json);
    expect(
      json,
      `golden/${id}.json differs; if intended, run UPDATE_GOLDEN=1 npx vitest run tests/unit/compile`,
    ).toBe(readFileSync(file, 'utf8'));
  });
});
