import { attributeKey } from '../../../domain/profiles/import/suggest-mapping.ts';
import {
  PROFILE_FIELDS,
  type ProfileField as DomainProfileField,
} from '../../../domain/profiles/profile-fields.ts';
import {
  type ColumnMapping,
  distinctKey,
  findTypedKeyProblem,
  type TypedColumn,
  type ValueType,
} from '../../../domain/profiles/import/mapping.ts';

/** The single-column fields a mapping can fill, in the order the form shows them. */
export const MAPPED_FIELDS = [
  { field: 'id', label: 'Customer id' },
  ...PROFILE_FIELDS.map(({ field, label }) => ({ field, label })),
] as const;
export type ProfileField = 'id' | DomainProfileField;

export const CONSENT_CHANNELS = [
  { channel: 'email', label: 'Email consent' },
  { channel: 'sms', label: 'SMS consent' },
  { channel: 'push', label: 'Push consent' },
  { channel: 'in_app', label: 'In-app consent' },
] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number]['channel'];

export const VALUE_TYPES: readonly ValueType[] = ['text', 'number', 'boolean', 'date'];

/** Columns the mapping reads as a named field (not as a custom attribute or event property). */
function assignedColumns(mapping: ColumnMapping): Set<string> {
  const used = new Set<string>([mapping.id]);
  for (const { field } of MAPPED_FIELDS) {
    const column = mapping[field];
    if (column) used.add(column);
  }
  for (const column of Object.values(mapping.consent)) if (column) used.add(column);
  for (const column of mapping.tags) used.add(column);
  if (mapping.events) {
    used.add(mapping.events.timestamp);
    if ('column' in mapping.events.name) used.add(mapping.events.name.column);
  }
  return used;
}

/** The typed columns: custom attributes, or event properties when rows are events. */
export function typedColumns(mapping: ColumnMapping): TypedColumn[] {
  return mapping.events ? mapping.events.props : mapping.custom;
}

function withTyped(mapping: ColumnMapping, typed: TypedColumn[]): ColumnMapping {
  return mapping.events
    ? { ...mapping, events: { ...mapping.events, props: typed } }
    : { ...mapping, custom: typed };
}

/** Drops typed columns now read as a named field. */
function tidy(mapping: ColumnMapping): ColumnMapping {
  const used = assignedColumns(mapping);
  const typed = typedColumns(mapping);
  const kept = typed.filter((t) => !used.has(t.column));
  return kept.length === typed.length ? mapping : withTyped(mapping, kept);
}

/** Columns that are neither a named field: each may be imported as a typed column. */
export function otherColumns(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const used = assignedColumns(mapping);
  return headers.filter((h) => h !== '' && !used.has(h));
}

/** Reads a field from a column, or from none. */
export function setField(
  mapping: ColumnMapping,
  field: ProfileField,
  column: string,
): ColumnMapping {
  if (field === 'id') return tidy({ ...mapping, id: column });
  const next: ColumnMapping = { ...mapping };
  if (column === '') delete next[field];
  else next[field] = column;
  return tidy(next);
}

export function setConsent(
  mapping: ColumnMapping,
  channel: ConsentChannel,
  column: string,
): ColumnMapping {
  const consent = { ...mapping.consent };
  if (column === '') delete consent[channel];
  else consent[channel] = column;
  return tidy({ ...mapping, consent });
}

export function setTags(mapping: ColumnMapping, column: string): ColumnMapping {
  return tidy({ ...mapping, tags: column === '' ? [] : [column] });
}

/** Includes a column as a typed column (or leaves it out). */
export function includeColumn(
  mapping: ColumnMapping,
  column: string,
  include: boolean,
  type: ValueType,
): ColumnMapping {
  const typed = typedColumns(mapping).filter((t) => t.column !== column);
  const taken = new Set(typed.map((t) => t.key));
  if (include) typed.push({ column, key: distinctKey(attributeKey(column), taken), type });
  return withTyped(mapping, typed);
}

export function updateTyped(
  mapping: ColumnMapping,
  column: string,
  change: Partial<Omit<TypedColumn, 'column'>>,
): ColumnMapping {
  return withTyped(
    mapping,
    typedColumns(mapping).map((t) => (t.column === column ? { ...t, ...change } : t)),
  );
}

/** Switches between "one row per customer" and "one row per event". */
export function setEventsMode(
  mapping: ColumnMapping,
  on: boolean,
  headers: readonly string[],
): ColumnMapping {
  if (on === (mapping.events !== undefined)) return mapping;
  if (!on) {
    const { events, ...rest } = mapping;
    return { ...rest, custom: events?.props ?? [] };
  }
  const used = assignedColumns(mapping);
  const timestamp =
    headers.find((h) => !used.has(h) && /date|time|at$/i.test(h)) ??
    headers.find((h) => !used.has(h)) ??
    '';
  return tidy({
    ...mapping,
    custom: [],
    events: { name: { fixed: 'order_placed' }, timestamp, props: mapping.custom },
  });
}

/** Why the mapping cannot be used yet: a code the dialog words, and its values. */
export interface MappingProblem {
  code:
    | 'chooseId'
    | 'chooseEventTime'
    | 'nameTheEvent'
    | 'nameEveryColumn'
    | 'duplicateKey'
    | 'unsafeKey';
  values?: Record<string, string>;
}

/** Why the mapping cannot be used yet, or undefined when it can. */
export function mappingProblem(mapping: ColumnMapping): MappingProblem | undefined {
  if (mapping.id === '') return { code: 'chooseId' };
  if (mapping.events) {
    if (mapping.events.timestamp === '') return { code: 'chooseEventTime' };
    if ('fixed' in mapping.events.name && mapping.events.name.fixed.trim() === '')
      return { code: 'nameTheEvent' };
  }
  if (typedColumns(mapping).some((t) => t.key.trim() === '')) return { code: 'nameEveryColumn' };
  const keyProblem = findTypedKeyProblem(mapping);
  if (keyProblem?.code === 'duplicate_key') {
    const [first, second] = keyProblem.columns;
    return {
      code: 'duplicateKey',
      values: { key: keyProblem.key, first, second },
    };
  }
  if (keyProblem?.code === 'unsafe_key') {
    return {
      code: 'unsafeKey',
      values: { key: keyProblem.key, column: keyProblem.column },
    };
  }
  return undefined;
}
