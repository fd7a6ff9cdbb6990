import type { ReactNode } from 'react';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import type { Diagnostic } from '../domain/index.ts';
import { diagnosticMessageId, placedProblemText } from './diagnostic-text.ts';

const RICH_TAGS = { code: (chunks: ReactNode[]) => <code>{chunks}</code> };

/**
 * A diagnostic in the user's language with its paths and template snippets marked as code,
 * for lists that show it as content (the problems panel, the inspector's problems); a schema
 * problem whose `place` the caller could word is said there instead of at its path.
 */
export function diagnosticContent(intl: IntlShape, d: Diagnostic, place?: string): ReactNode {
  if (d.params === undefined) return d.message;
  const placed = placedProblemText(intl, d, place);
  if (placed !== undefined) return placed;
  const descriptor: MessageDescriptor = { id: diagnosticMessageId(d.code) };
  // English diagnostics load just after the first paint; until then the domain's English says it.
  if (!Object.hasOwn(intl.messages, descriptor.id as string)) return d.message;
  return intl.formatMessage(descriptor, { ...d.params, ...RICH_TAGS });
}
