import { unsafeNameProblem, unsafeNameReason, type UnsafeNameReason } from '../journey/limits.ts';
import type { Profile } from '../profiles/profile.ts';
import type { AttributeValueType } from './condition-schema.ts';

/** A built-in attribute the condition builder offers, with the value type it compares as. */
export interface AttributeDescriptor {
  path: string;
  label: string;
  valueType: AttributeValueType;
}

/** Built-in attribute paths. Custom attributes are addressed as `custom.<name>`. */
export const BUILT_IN_ATTRIBUTES: readonly AttributeDescriptor[] = [
  { path: 'name', label: 'Name', valueType: 'text' },
  { path: 'email', label: 'Email address', valueType: 'text' },
  { path: 'phone', label: 'Phone number', valueType: 'text' },
  { path: 'pushToken', label: 'Push token', valueType: 'text' },
  { path: 'timeZone', label: 'Time zone', valueType: 'text' },
  { path: 'locale', label: 'Locale', valueType: 'text' },
  { path: 'country', label: 'Country', valueType: 'text' },
  { path: 'plan', label: 'Plan', valueType: 'text' },
  { path: 'birthday', label: 'Birthday', valueType: 'date' },
  { path: 'signupDate', label: 'Sign-up date', valueType: 'date' },
  { path: 'tags', label: 'Tags', valueType: 'list' },
  { path: 'consent.email', label: 'Email consent', valueType: 'boolean' },
  { path: 'consent.sms', label: 'SMS consent', valueType: 'boolean' },
  { path: 'consent.push', label: 'Push consent', valueType: 'boolean' },
  { path: 'consent.in_app', label: 'In-app consent', valueType: 'boolean' },
];

const LABELS = new Map(BUILT_IN_ATTRIBUTES.map((a) => [a.path, a.label]));

/** A readable name for an attribute path: built-in label, or the custom name. */
export function attributeLabel(path: string): string {
  return LABELS.get(path) ?? (path.startsWith('custom.') ? path.slice('custom.'.length) : path);
}

/** Why a custom attribute's name cannot be used, as a code; `undefined` for other paths. */
export function customNameProblem(path: string): UnsafeNameReason | undefined {
  return path.startsWith('custom.') ? unsafeNameProblem(path.slice('custom.'.length)) : undefined;
}

/**
 * Why an attribute path cannot be read or written, or `undefined` when it can: a custom
 * attribute's name must be a safe name (`custom.__proto__` would reach the object's prototype).
 */
export function attributePathProblem(path: string): string | undefined {
  if (customNameProblem(path) === undefined) return undefined;
  return `The custom attribute's name ${unsafeNameReason(path.slice('custom.'.length)) ?? ''}.`;
}

/** Returns a reader for an attribute path; unknown paths read `undefined`. */
export function attributeReader(path: string): (profile: Profile) => unknown {
  if (path.startsWith('custom.')) {
    const key = path.slice('custom.'.length);
    // Own properties only: `custom.constructor` must not read Object's.
    return (p) => (Object.hasOwn(p.attributes.custom, key) ? p.attributes.custom[key] : undefined);
  }
  if (path.startsWith('consent.')) {
    const key = path.slice('consent.'.length);
    if (key === 'email' || key === 'sms' || key === 'push' || key === 'in_app') {
      return (p) => p.attributes.consent[key];
    }
    return () => undefined;
  }
  switch (path) {
    case 'name':
    case 'email':
    case 'phone':
    case 'pushToken':
    case 'timeZone':
    case 'locale':
    case 'country':
    case 'plan':
    case 'birthday':
    case 'signupDate':
    case 'tags':
      return (p) => p.attributes[path];
    default:
      return () => undefined;
  }
}

/** Reads an attribute path once; prefer {@link attributeReader} in loops. */
export function readAttribute(profile: Profile, path: string): unknown {
  return attributeReader(path)(profile);
}
