import type { FieldSpec } from './schema-walk.ts';

function at(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * Whether the form draws a message for `segments` somewhere below `spec`. Issues it would not
 * show (a field of an absent optional object, an unknown key) are listed at the top instead.
 */
export function isShownAt(spec: FieldSpec, value: unknown, segments: readonly string[]): boolean {
  const absent = value === undefined || value === null;
  if (
    absent &&
    (spec.optional || spec.nullable) &&
    (spec.kind === 'object' || spec.kind === 'variant')
  )
    return false;
  if (segments.length === 0) return true;
  const [head = '', ...rest] = segments;
  switch (spec.kind) {
    case 'object': {
      const field = spec.fields.find((f) => f.key === head);
      return field !== undefined && isShownAt(field.spec, at(value, head), rest);
    }
    case 'variant': {
      const option = spec.options.find((o) => o.value === at(value, spec.discriminator));
      if (head === spec.discriminator) return rest.length === 0;
      const field = option?.spec.fields.find((f) => f.key === head);
      return field !== undefined && isShownAt(field.spec, at(value, head), rest);
    }
    case 'objectList':
      return (
        Array.isArray(value) &&
        /^\d+$/.test(head) &&
        Number(head) < value.length &&
        isShownAt(spec.item, value[Number(head)], rest)
      );
    case 'record':
      return (
        spec.keys.includes(head) &&
        at(value, head) !== undefined &&
        isShownAt(spec.value, at(value, head), rest)
      );
    case 'condition':
    case 'propertyFilters':
    case 'stringList':
    case 'enumSet':
    case 'json':
      return true;
    default:
      return false;
  }
}
