import type { ProfileAttributes } from '../profiles/profile.ts';
import type { ProfileOperation } from '../steps/kinds/update-profile.ts';

const CONSENT_KEYS = new Set(['email', 'sms', 'push', 'in_app']);
const TEXT_KEYS = new Set([
  'name',
  'email',
  'phone',
  'pushToken',
  'timeZone',
  'locale',
  'country',
  'plan',
  'birthday',
  'signupDate',
]);

/** Applies `update_profile` operations, in order, to a writable copy of the attributes. */
export function applyOperations(a: ProfileAttributes, ops: readonly ProfileOperation[]): void {
  for (const op of ops) {
    if (op.type === 'add_tag') {
      if (!a.tags.includes(op.tag)) a.tags.push(op.tag);
    } else if (op.type === 'remove_tag') {
      const i = a.tags.indexOf(op.tag);
      if (i >= 0) a.tags.splice(i, 1);
    } else if (op.attribute.startsWith('custom.')) {
      a.custom[op.attribute.slice('custom.'.length)] = op.value;
    } else if (op.attribute.startsWith('consent.')) {
      const key = op.attribute.slice('consent.'.length);
      if (CONSENT_KEYS.has(key)) {
        const consent = a.consent as Record<string, boolean | undefined>;
        consent[key] = op.value === null ? undefined : op.value === true || op.value === 'true';
      }
    } else if (TEXT_KEYS.has(op.attribute)) {
      const attrs = a as unknown as Record<string, string | undefined>;
      attrs[op.attribute] = op.value === null ? undefined : String(op.value);
    }
  }
}
