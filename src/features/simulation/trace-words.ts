import type { IntlShape } from 'react-intl';
import type { Channel, TraceValue, TraceWhy } from '../../domain/index.ts';
import { describeConditionIn } from '../../i18n/condition-words.ts';
import { CHANNEL_MESSAGES } from '../../i18n/domain-labels.ts';
import { formatStepPhrase } from '../../i18n/step-words.ts';
import { formatInstant } from './format.ts';

/** Values that are simulated instants (epoch ms), spans (ms) and channels, by name. */
const INSTANTS = new Set(['at', 'until']);

/** "2 d 3 h 5 min", « 2 j 3 h 5 min ». */
function span(intl: IntlShape, ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const parts: string[] = [];
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) parts.push(intl.formatMessage({ id: 'trace.span.days' }, { n: days }));
  if (hours > 0) parts.push(intl.formatMessage({ id: 'trace.span.hours' }, { n: hours }));
  if (rest > 0 || parts.length === 0)
    parts.push(intl.formatMessage({ id: 'trace.span.minutes' }, { n: rest }));
  return parts.join(' ');
}

function valueText(intl: IntlShape, name: string, value: TraceValue): string | number {
  if (typeof value === 'object') {
    return 'phrase' in value
      ? formatStepPhrase(intl, value.phrase)
      : describeConditionIn(intl, value.condition);
  }
  if (typeof value === 'number' && INSTANTS.has(name)) return formatInstant(value);
  if (typeof value === 'number' && name === 'span') return span(intl, value);
  if (name === 'channel' && typeof value === 'string' && value in CHANNEL_MESSAGES)
    return intl.formatMessage(CHANNEL_MESSAGES[value as Channel]);
  return value;
}

/**
 * Why a traced profile went where it went, in the user's language: each part is `trace.<code>`
 * of the catalogues with its values worded (times, spans, branch names, conditions, channels).
 */
export function formatTraceWhy(intl: IntlShape, why: readonly TraceWhy[]): string {
  return why
    .map((part) => {
      const values: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(part.values ?? {}))
        values[name] = valueText(intl, name, value);
      return intl.formatMessage({ id: `trace.${part.code}` }, values);
    })
    .join('; ');
}
