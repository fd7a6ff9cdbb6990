import type { IntlShape } from 'react-intl';
import type { z } from 'zod';
import { fieldWords } from './field-words.ts';
import { humanise } from './humanise.ts';
import { describeSchema, type FieldSpec } from './schema-walk.ts';

type Keys = readonly (string | number)[];

/** The words a place is made of, in the user's language. */
interface PlaceWords {
  label(key: string, fallback: string): string;
  /** A key the schema names no label for, from the catalogue (`field.<key>`). */
  key(key: string | number): string;
  /** One row of a list: "Branch 2", "Header 1". */
  item(key: string, label: string, position: number): string;
  option(value: string): string;
  /** The condition builder's own names: "Rule 2", "Group 1.2", "Filter 1". */
  rule(n: number): string;
  group(number: string): string;
  filter(n: number): string;
}

function placeWords(intl: IntlShape): PlaceWords {
  const words = fieldWords(intl);
  return {
    label: words.label,
    key: (key) => words.label(String(key), humanise(String(key))),
    option: words.option,
    item: (key, label, position) =>
      intl.formatMessage(
        { id: 'form.place.item' },
        { item: words.one(key, label), number: position },
      ),
    rule: (n) => intl.formatMessage({ id: 'ui.group-editor.ruleName' }, { n }),
    group: (number) => intl.formatMessage({ id: 'ui.group-editor.groupName' }, { number }),
    filter: (n) => intl.formatMessage({ id: 'form.place.filter' }, { number: n }),
  };
}

const at = (value: unknown, key: string | number): unknown =>
  typeof value === 'object' && value !== null
    ? (value as Record<string | number, unknown>)[key]
    : undefined;

const position = (key: string | number | undefined): number | undefined =>
  typeof key === 'number' && Number.isInteger(key) && key >= 0 ? key : undefined;

/** Property filters: "Filter 2 › Property". */
function filtersPlace(keys: Keys, w: PlaceWords): string[] | undefined {
  if (keys.length === 0) return [];
  const [head, ...rest] = keys;
  const n = position(head);
  if (n === undefined || rest.length > 1) return undefined;
  const row = w.filter(n + 1);
  return rest.length === 0 ? [row] : [row, w.key(rest[0] ?? '')];
}

/** Inside a condition group, named as the builder names its rows: "Group 1.2 › Rule 1 › Event". */
function conditionPlace(
  group: unknown,
  keys: Keys,
  number: string,
  w: PlaceWords,
): string[] | undefined {
  if (keys.length === 0) return [];
  const [head, index, ...rest] = keys;
  if (head !== 'rules') return keys.length === 1 ? [w.key(head ?? '')] : undefined;
  const n = position(index);
  if (n === undefined) return index === undefined ? [] : undefined;
  const node = at(at(group, 'rules'), n);
  if (at(node, 'type') === 'group') {
    const nested = number === '' ? `${n + 1}` : `${number}.${n + 1}`;
    const inner = conditionPlace(node, rest, nested, w);
    return inner && [w.group(nested), ...inner];
  }
  const rule = w.rule(n + 1);
  if (rest.length === 0) return [rule];
  const [field, ...below] = rest;
  const name = w.key(field ?? '');
  if (field === 'propertyFilters') {
    const filters = filtersPlace(below, w);
    return filters && [rule, name, ...filters];
  }
  return below.length === 0 ? [rule, name] : undefined;
}

/** The place of `keys` below `spec`, walked as the form draws it; undefined when it cannot say. */
function walk(spec: FieldSpec, value: unknown, keys: Keys, w: PlaceWords): string[] | undefined {
  if (keys.length === 0) return [];
  const [head, ...rest] = keys;
  if (head === undefined) return [];
  switch (spec.kind) {
    case 'object': {
      const field = spec.fields.find((f) => f.key === head);
      if (field === undefined) return undefined;
      return more(w.label(field.key, field.spec.label), field.spec, at(value, head), rest, w);
    }
    case 'variant': {
      if (head === spec.discriminator) return rest.length === 0 ? [w.key(head)] : undefined;
      const option = spec.options.find((o) => o.value === at(value, spec.discriminator));
      return option === undefined ? undefined : walk(option.spec, value, keys, w);
    }
    case 'record':
      return spec.keys.includes(String(head))
        ? more(w.option(String(head)), spec.value, at(value, head), rest, w)
        : undefined;
    case 'condition':
      return conditionPlace(value, keys, '', w);
    case 'propertyFilters':
      return filtersPlace(keys, w);
    default:
      return undefined;
  }
}

/** A field named `label` and what lies below it; a list's row replaces the list's own name. */
function more(
  label: string,
  spec: FieldSpec,
  value: unknown,
  rest: Keys,
  w: PlaceWords,
): string[] | undefined {
  if (rest.length === 0) return [label];
  if (spec.kind === 'objectList' || spec.kind === 'stringList' || spec.kind === 'enumSet') {
    const [index, ...below] = rest;
    const n = position(index);
    if (n === undefined) return undefined;
    const row = w.item(spec.key, label, n + 1);
    if (spec.kind !== 'objectList') return below.length === 0 ? [row] : undefined;
    const inner = walk(spec.item, at(value, n), below, w);
    return inner && [row, ...inner];
  }
  const inner = walk(spec, value, rest, w);
  return inner && [label, ...inner];
}

const described = new WeakMap<z.ZodType, FieldSpec>();

/**
 * Where a field sits in a form drawn from `schema`, in the labels the form shows: `['branches',
 * 0, 'condition', 'rules', 1, 'event']` is "Branch 1 › Condition › Rule 2 › Event". Undefined
 * when the keys lead somewhere the form does not draw (an unknown setting, a list position past
 * its end), so the caller keeps the raw path rather than guessing.
 */
export function fieldPlace(
  intl: IntlShape,
  schema: z.ZodType,
  value: unknown,
  keys: Keys,
): string | undefined {
  let spec = described.get(schema);
  if (spec === undefined) {
    spec = describeSchema(schema);
    described.set(schema, spec);
  }
  const crumbs = keys.length === 0 ? undefined : walk(spec, value, keys, placeWords(intl));
  if (crumbs === undefined || crumbs.length === 0) return undefined;
  return crumbs.reduce((outer, inner) =>
    intl.formatMessage({ id: 'form.place.within' }, { outer, inner }),
  );
}
