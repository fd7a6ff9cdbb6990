import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specSchema } from '../../../src/domain/index.ts';
import { specFormatProblems, unknownFields } from '../../../src/executor/http/spec-fields.ts';

const EXAMPLES = new URL('../../../examples/', import.meta.url);
const specs = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.spec.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, EXAMPLES), 'utf8')) as unknown] as const);

describe('fields a spec has that this format does not', () => {
  it.each(specs)('finds none in %s, a spec Wayfinder compiled', (_name, spec) => {
    expect(unknownFields(spec, specSchema.parse(spec))).toEqual([]);
    expect(specFormatProblems(spec)).toEqual([]);
  });

  it('names each by its path, in arrays too', () => {
    expect(
      unknownFields(
        { a: 1, b: { c: 2, d: [{ e: 1, f: 2 }] } },
        { a: 1, b: { c: 2, d: [{ e: 1 }] } },
      ),
    ).toEqual(['b.d.0.f']);
    expect(unknownFields({ a: 1, z: 2 }, { a: 1 })).toEqual(['z']);
  });
});
