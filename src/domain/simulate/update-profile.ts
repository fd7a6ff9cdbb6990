import { BUILT_IN_ATTRIBUTES } from '../conditions/attribute-paths.ts';
import type { ProfileOperation } from '../steps/kinds/update-profile.ts';
import type { ProfileState } from './profile-state.ts';

const CONSENT_KEYS = new Set(['email', 'sms', 'push', 'in_app']);
/** Built-in attributes stored as text (dates are `YYYY-MM-DD` text). */
const TEXT_KEYS: ReadonlySet<string> = new Set(
  BUILT_IN_ATTRIBUTES.filter((a) => a.valueType === 'text' || a.valueType === 'date').map(
    (a) => a.path,
  ),
);

/**
 * Applies `update_profile` operations, in order, to the profile's copy-on-write view. With
 * `tags` false, tag changes are left out (the simulator, when nothing reads them).
 */
export function applyOperations(
  state: ProfileState,
  ops: readonly ProfileOperation[],
  tags = true,
): void {
  for (const op of ops) {
    if (op.type !== 'set_attribute' && !tags) continue;
    if (op.type === 'add_tag') {
      if (!state.view.attributes.tags.includes(op.tag)) state.writableTags().push(op.tag);
    } else if (op.type === 'remove_tag') {
      const i = state.view.attributes.tags.indexOf(op.tag);
      if (i >= 0) state.writableTags().splice(i, 1);
    } else if (op.attribute.startsWith('custom.')) {
      state.writableCustom()[op.attribute.slice('custom.'.length)] = op.value;
    } else if (op.attribute.startsWith('consent.')) {
      const key = op.attribute.slice('consent.'.length);
      if (CONSENT_KEYS.has(key)) {
        const consent = state.writableConsent() as Record<string, boolean | undefined>;
        consent[key] = op.value === null ? undefined : op.value === true || op.value === 'true';
      }
    } else if (TEXT_KEYS.has(op.attribute)) {
      const attrs = state.writableAttributes() as unknown as Record<string, string | undefined>;
      attrs[op.attribute] = op.value === null ? undefined : String(op.value);
    }
  }
}
