import { useId, type ReactNode } from 'react';
import { defineMessages, FormattedMessage, type MessageDescriptor } from 'react-intl';
import type { NoEntryReason } from '../domain/diagnose/no-entry-diagnosis.ts';
import './no-entry-reasons.css';

const REASON_MESSAGES: Record<NoEntryReason['code'], MessageDescriptor> = defineMessages({
  empty_set: { id: 'no-entry.empty_set' },
  no_trigger: { id: 'no-entry.no_trigger' },
  period_misses_events: { id: 'no-entry.period_misses_events' },
  event_never_occurs: { id: 'no-entry.event_never_occurs' },
  event_outside_period: { id: 'no-entry.event_outside_period' },
  event_filters_match_none: { id: 'no-entry.event_filters_match_none' },
  date_missing: { id: 'no-entry.date_missing' },
  date_outside_period: { id: 'no-entry.date_outside_period' },
  schedule_outside_period: { id: 'no-entry.schedule_outside_period' },
  audience_matched_nobody: { id: 'no-entry.audience_matched_nobody' },
});

const asCode = (chunks: ReactNode[]) => <code>{chunks}</code>;

/** A reason's values for its message: the trigger named by its label, the rest as coded. */
function valuesOf(reason: NoEntryReason, stepLabel: (stepId: string) => string) {
  const { code: _code, ...values } = reason;
  return {
    ...values,
    ...('stepId' in reason ? { step: stepLabel(reason.stepId) } : {}),
    code: asCode,
  };
}

/**
 * Says that nobody entered a journey and the likely reasons, worded from their codes (see
 * `diagnoseNoEntries`), most telling first; when none was found, says where to look instead.
 */
export function NoEntryReasons({
  reasons,
  stepLabel,
}: {
  reasons: readonly NoEntryReason[];
  /** A trigger's name as the journey shows it. */
  stepLabel(stepId: string): string;
}) {
  const id = useId();
  return (
    <section className="no-entry" aria-labelledby={id}>
      <h3 id={id}>
        <FormattedMessage id="no-entry.heading" />
      </h3>
      {reasons.length === 0 ? (
        <p>
          <FormattedMessage id="no-entry.none" />
        </p>
      ) : (
        <ul>
          {reasons.map((reason) => (
            <li key={`${reason.code}:${'stepId' in reason ? reason.stepId : ''}`}>
              <FormattedMessage
                {...REASON_MESSAGES[reason.code]}
                values={valuesOf(reason, stepLabel)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
