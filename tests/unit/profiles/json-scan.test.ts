import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJson } from '../../../src/domain/json/parse-json.ts';
import { scanJson } from '../../../src/domain/profiles/import/json-scan.ts';

const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('scanJson', () => {
  it('refuses nesting where parseJson does: past the limit, at the bracket that goes too deep', () => {
    expect(scanJson(nested(MAX_JSON_DEPTH)).errorAt).toBeUndefined();
    expect(parseJson(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    const tooDeep = nested(MAX_JSON_DEPTH + 1);
    const parsed = parseJson(tooDeep);
    expect(parsed).toMatchObject({ ok: false, problem: { reason: 'too_deep' } });
    expect(scanJson(tooDeep).errorAt).toBe(parsed.ok ? -1 : parsed.problem.offset);
  });
});
