import type { IntlShape } from 'react-intl';
import type { Channel } from '../../../domain/index.ts';
import { CHANNEL_MESSAGES } from '../../../i18n/domain-labels.ts';

/** One half of a frequency cap: how many messages, or over how many days. */
export type CapField = 'max' | 'periodDays';

/**
 * A frequency cap's field as the settings panel labels it, overall ("At most (messages)") or for
 * one channel ("Email: at most (messages)"); the problems list names the field the same way.
 */
export function capFieldLabel(intl: IntlShape, field: CapField, channel?: Channel): string {
  // Each id written out whole, so the catalogue check finds it used.
  if (channel === undefined)
    return field === 'max'
      ? intl.formatMessage({ id: 'editor.delivery-sections.capMax' })
      : intl.formatMessage({ id: 'editor.delivery-sections.capPeriod' });
  const values = { channel: intl.formatMessage(CHANNEL_MESSAGES[channel]) };
  return field === 'max'
    ? intl.formatMessage({ id: 'editor.delivery-sections.channelCapMax' }, values)
    : intl.formatMessage({ id: 'editor.delivery-sections.channelCapPeriod' }, values);
}

/** "Limit Email separately": the per-channel cap's checkbox. */
export function channelCapToggleLabel(intl: IntlShape, channel: Channel): string {
  return intl.formatMessage(
    { id: 'editor.delivery-sections.limitSeparately' },
    { value1: intl.formatMessage(CHANNEL_MESSAGES[channel]) },
  );
}
