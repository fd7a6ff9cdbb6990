import { emptyConditionGroup } from '../../domain/index.ts';
import type { FieldSpec } from './schema-walk.ts';

function firstValidNumber(spec: FieldSpec, candidates: readonly number[]): number {
  for (const n of candidates) if (spec.schema.safeParse(n).success) return n;
  return candidates[0] ?? 0;
}

/** A sensible starting value for a newly added field, row or variant. */
export function defaultValue(spec: FieldSpec): unknown {
  if (spec.fallback !== undefined) return structuredClone(spec.fallback);
  switch (spec.kind) {
    case 'text':
      return '';
    case 'number':
      return firstValidNumber(spec, [0, spec.min ?? 0, 1, spec.max ?? 1]);
    case 'select':
      return spec.options[0];
    case 'boolean':
      return false;
    case 'literal':
      return spec.value;
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const f of spec.fields) {
        if (f.spec.optional && f.spec.fallback === undefined) continue;
        out[f.key] = f.spec.nullable && f.spec.kind === 'object' ? null : defaultValue(f.spec);
      }
      return out;
    }
    case 'objectList':
      return Array.from({ length: spec.minItems }, () => defaultValue(spec.item));
    case 'stringList':
    case 'enumSet':
    case 'propertyFilters':
      return [];
    case 'variant': {
      const first = spec.options[0];
      return first === undefined ? {} : defaultValue(first.spec);
    }
    case 'condition':
      return emptyConditionGroup();
    case 'record':
      return {};
    case 'scalar':
      return spec.accepts.has('string') ? '' : spec.accepts.has('number') ? 0 : null;
    case 'json':
      return spec.nullable ? null : undefined;
  }
}

/**
 * A key not yet used by the rows, following their pattern: `a`, `b`, `c` after single letters,
 * otherwise `<prefix><n>` (e.g. `b3` after `b1`, `b2`).
 */
export function nextKey(existing: readonly string[]): string {
  const used = new Set(existing);
  if (existing.length > 0 && existing.every((k) => /^[a-z]$/.test(k))) {
    for (let c = 97; c <= 122; c++) {
      const k = String.fromCharCode(c);
      if (!used.has(k)) return k;
    }
  }
  const prefix = existing[0]?.replace(/\d+$/, '') || 'k';
  for (let n = existing.length + 1; ; n++) {
    const k = `${prefix}${n}`;
    if (!used.has(k)) return k;
  }
}
