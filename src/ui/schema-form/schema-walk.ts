import { z } from 'zod';
import {
  conditionGroupSchema,
  propertyFiltersSchema,
  timeOfDaySchema,
} from '../../domain/index.ts';
import { humanise } from './humanise.ts';

/** Where a text field takes its autocompletion from. */
export type SuggestionSource = 'events' | 'attributes';

export type TextInputType = 'text' | 'time' | 'datetime' | 'date';

/** What to draw for one schema node; built once per schema by {@link describeSchema}. */
export type FieldKind =
  | { kind: 'text'; multiline: boolean; inputType: TextInputType; suggest?: SuggestionSource }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'select'; options: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'literal'; value: unknown }
  | { kind: 'object'; fields: readonly FieldEntry[] }
  | { kind: 'objectList'; item: FieldSpec; minItems: number; maxItems?: number }
  | { kind: 'stringList'; suggest?: SuggestionSource }
  | { kind: 'enumSet'; options: readonly string[] }
  | { kind: 'variant'; discriminator: string; options: readonly VariantOption[] }
  | { kind: 'condition' }
  | { kind: 'propertyFilters' }
  | { kind: 'record'; keys: readonly string[]; value: FieldSpec }
  | { kind: 'scalar'; accepts: ReadonlySet<'string' | 'number' | 'boolean' | 'null'> }
  | { kind: 'json' };

export type FieldSpec = FieldKind & {
  /** The key this node sits under in its object ('' for the root and list items). */
  key: string;
  /** The schema with optional/default/nullable wrappers removed. */
  schema: z.ZodType;
  label: string;
  description?: string;
  optional: boolean;
  nullable: boolean;
  /** The `.default()` value, if any. */
  fallback?: unknown;
};

export interface FieldEntry {
  key: string;
  spec: FieldSpec;
}

export interface VariantOption {
  value: string;
  label: string;
  /** The schema names it (`.meta({ title })`); else the form names it by its value. */
  titled: boolean;
  spec: FieldSpec & { kind: 'object' };
}

interface SchemaMeta {
  title?: string;
  description?: string;
  widget?: string;
}

const TEXTAREA_KEYS = new Set(['body', 'text', 'script', 'message', 'html', 'bodyTemplate']);
const MAX_DEPTH = 12;

function readMeta(schema: z.ZodType): SchemaMeta {
  const meta = z.globalRegistry.get(schema);
  if (meta === undefined) return {};
  const pick = (k: string): string | undefined =>
    typeof meta[k] === 'string' ? (meta[k] as string) : undefined;
  const out: SchemaMeta = {};
  const title = pick('title');
  const description = pick('description');
  const widget = pick('widget');
  if (title !== undefined) out.title = title;
  if (description !== undefined) out.description = description;
  if (widget !== undefined) out.widget = widget;
  return out;
}

interface Unwrapped {
  inner: z.ZodType;
  meta: SchemaMeta;
  optional: boolean;
  nullable: boolean;
  fallback?: unknown;
  hasFallback: boolean;
  /** Every layer seen, outermost first, for identity checks against known schemas. */
  layers: z.ZodType[];
}

/** Peels optional, default, nullable, readonly and catch wrappers, merging `.meta()` (outer wins). */
function unwrap(schema: z.ZodType): Unwrapped {
  const out: Unwrapped = {
    inner: schema,
    meta: {},
    optional: false,
    nullable: false,
    hasFallback: false,
    layers: [],
  };
  let current: z.ZodType = schema;
  for (;;) {
    out.layers.push(current);
    out.meta = { ...readMeta(current), ...out.meta };
    if (current instanceof z.ZodOptional) {
      out.optional = true;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodNullable) {
      out.nullable = true;
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault) {
      if (!out.hasFallback) {
        out.hasFallback = true;
        out.fallback = current.def.defaultValue;
      }
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodReadonly || current instanceof z.ZodCatch) {
      current = current.unwrap() as z.ZodType;
    } else {
      break;
    }
  }
  out.inner = current;
  return out;
}

function suggestionFor(key: string): SuggestionSource | undefined {
  if (/events?$|eventName$/i.test(key)) return 'events';
  if (/^attribute$|Attribute$/.test(key)) return 'attributes';
  return undefined;
}

function textKind(key: string, u: Unwrapped): FieldKind {
  const widget = u.meta.widget;
  const inputType: TextInputType =
    widget === 'time' || u.layers.includes(timeOfDaySchema)
      ? 'time'
      : widget === 'datetime' || (widget === undefined && key === 'at')
        ? 'datetime'
        : widget === 'date'
          ? 'date'
          : 'text';
  const multiline = widget === 'textarea' || (widget === undefined && TEXTAREA_KEYS.has(key));
  const suggest = suggestionFor(key);
  return suggest === undefined
    ? { kind: 'text', multiline, inputType }
    : { kind: 'text', multiline, inputType, suggest };
}

function lengthCheck(schema: z.ZodArray, check: 'min_length' | 'max_length'): number | undefined {
  for (const c of schema.def.checks ?? []) {
    const def = c._zod.def as { check: string; minimum?: number; maximum?: number };
    if (def.check === check) return check === 'min_length' ? def.minimum : def.maximum;
  }
  return undefined;
}

function kindOf(key: string, u: Unwrapped, depth: number): FieldKind {
  const s = u.inner;
  if (u.meta.widget === 'condition' || u.layers.includes(conditionGroupSchema))
    return { kind: 'condition' };
  if (u.layers.includes(propertyFiltersSchema)) return { kind: 'propertyFilters' };
  if (depth > MAX_DEPTH) return { kind: 'json' };
  if (s instanceof z.ZodString) return textKind(key, u);
  if (s instanceof z.ZodNumber) {
    const kind: FieldKind = { kind: 'number', integer: s.isInt };
    if (s.minValue !== null && Number.isFinite(s.minValue)) kind.min = s.minValue;
    if (s.maxValue !== null && Number.isFinite(s.maxValue)) kind.max = s.maxValue;
    return kind;
  }
  if (s instanceof z.ZodEnum) return { kind: 'select', options: s.options.map(String) };
  if (s instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (s instanceof z.ZodLiteral) return { kind: 'literal', value: s.value };
  if (s instanceof z.ZodObject) return objectKind(s, depth);
  if (s instanceof z.ZodArray) {
    const item = unwrap(s.element as z.ZodType);
    if (item.inner instanceof z.ZodString) {
      const suggest = suggestionFor(key);
      return suggest === undefined ? { kind: 'stringList' } : { kind: 'stringList', suggest };
    }
    if (item.inner instanceof z.ZodEnum)
      return { kind: 'enumSet', options: item.inner.options.map(String) };
    const spec = describeNode(key, s.element as z.ZodType, depth + 1);
    const maxItems = lengthCheck(s, 'max_length');
    const list: FieldKind = {
      kind: 'objectList',
      item: spec,
      minItems: lengthCheck(s, 'min_length') ?? 0,
    };
    if (maxItems !== undefined) list.maxItems = maxItems;
    return list;
  }
  if (s instanceof z.ZodDiscriminatedUnion) return variantKind(s, depth);
  if (s instanceof z.ZodUnion) return scalarUnion(s) ?? { kind: 'json' };
  if (s instanceof z.ZodRecord && s.keyType instanceof z.ZodEnum) {
    return {
      kind: 'record',
      keys: s.keyType.options.map(String),
      value: describeNode(key, s.valueType as z.ZodType, depth + 1),
    };
  }
  return { kind: 'json' };
}

function objectKind(s: z.ZodObject, depth: number): FieldKind {
  const fields = Object.entries(s.shape).map(([k, child]) => ({
    key: k,
    spec: describeNode(k, child as z.ZodType, depth + 1),
  }));
  return { kind: 'object', fields };
}

function variantKind(s: z.ZodDiscriminatedUnion, depth: number): FieldKind {
  const discriminator = s.def.discriminator;
  const options: VariantOption[] = [];
  for (const option of s.options) {
    const spec = describeNode('', option as z.ZodType, depth + 1);
    if (spec.kind !== 'object') return { kind: 'json' };
    const tag = spec.fields.find((f) => f.key === discriminator)?.spec;
    if (tag?.kind !== 'literal') return { kind: 'json' };
    const value = String(tag.value);
    const title = readMeta(option as z.ZodType).title;
    options.push({ value, label: title ?? humanise(value), titled: title !== undefined, spec });
  }
  return { kind: 'variant', discriminator, options };
}

function scalarUnion(s: z.ZodUnion): FieldKind | undefined {
  const accepts = new Set<'string' | 'number' | 'boolean' | 'null'>();
  for (const option of s.options) {
    if (option instanceof z.ZodString) accepts.add('string');
    else if (option instanceof z.ZodNumber) accepts.add('number');
    else if (option instanceof z.ZodBoolean) accepts.add('boolean');
    else if (option instanceof z.ZodNull) accepts.add('null');
    else return undefined;
  }
  return { kind: 'scalar', accepts };
}

/** Describes one schema node under `key` (the key drives default labels and widgets). */
export function describeNode(key: string, schema: z.ZodType, depth = 0): FieldSpec {
  const u = unwrap(schema);
  const base = {
    key,
    schema: u.inner,
    label: u.meta.title ?? humanise(key),
    optional: u.optional,
    nullable: u.nullable,
  };
  const spec: FieldSpec = { ...kindOf(key, u, depth), ...base };
  if (u.meta.description !== undefined) spec.description = u.meta.description;
  if (u.hasFallback) spec.fallback = u.fallback;
  return spec;
}

/** Describes a whole form schema. */
export function describeSchema(schema: z.ZodType): FieldSpec {
  return describeNode('', schema);
}
