import type { IntlShape } from 'react-intl';
import type { Refusal } from '../../editor/refusal.ts';

/** The catalogue id of a refusal's message: `refusal.<code>`. */
export function refusalMessageId(refusal: Refusal): string {
  return `refusal.${refusal.code}`;
}

/** Why the editor refused an action, in the user's language. */
export function refusalText(intl: IntlShape, refusal: Refusal): string {
  return intl.formatMessage({ id: refusalMessageId(refusal) }, refusal.values);
}
